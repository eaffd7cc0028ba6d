using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tests.Desk;

/// <summary>The service desk wired exactly as the host wires it, over a given database and clock.</summary>
internal static class DeskServices
{
    public static ServiceProvider Build(IDbContextFactory<CloudDb> dbs, TimeProvider time, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(dbs);
        services.Configure<SlaOptions>(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton(sp =>
        {
            var sla = sp.GetRequiredService<IOptions<SlaOptions>>().Value;
            return new ArrivalPolicy(sla.EffectiveBands(), new ZoneMap(sla.Zones));
        });
        services.AddServiceDesk(configuration);
        services.AddSingleton<TicketDesk>();
        return services.BuildServiceProvider();
    }
}
