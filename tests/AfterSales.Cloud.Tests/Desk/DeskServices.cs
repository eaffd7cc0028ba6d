using AfterSales.Cloud.Demo;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Desk;

/// <summary>The service desk wired exactly as the host wires it, over a given database and clock.</summary>
internal static class DeskServices
{
    /// <remarks>
    /// The desk's tests were written before its messages spoke Chinese and read them in English; a test of
    /// the Chinese texts passes <c>Localization:DefaultCulture=zh-CN</c> (docs/localization.md).
    /// </remarks>
    public static ServiceProvider Build(IDbContextFactory<CloudDb> dbs, TimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Localization:DefaultCulture"] = "en" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return DeskOnClock.Build(dbs, time, new ConfigurationBuilder().AddInMemoryCollection(all).Build());
    }
}
