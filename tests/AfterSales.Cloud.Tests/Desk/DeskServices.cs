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
    public static ServiceProvider Build(IDbContextFactory<CloudDb> dbs, TimeProvider time, IDictionary<string, string?>? settings = null) =>
        DeskOnClock.Build(dbs, time, new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
}
