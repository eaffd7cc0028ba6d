using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// <c>AfterSales.Cloud</c> runs the service; <c>AfterSales.Cloud apikey create --name N --role R</c>
/// issues an API key against the configured database and prints it once.
/// </summary>
internal static class CloudCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["apikey", "create", .. var rest])
        {
            return await CreateApiKeyAsync(args, rest);
        }

        if (args is ["demo-history", .. var demoArgs])
        {
            return await DemoHistoryAsync(demoArgs);
        }

        var app = CloudHost.Build(args);
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> CreateApiKeyAsync(string[] args, string[] rest)
    {
        var name = Option(rest, "--name");
        var role = Option(rest, "--role");
        if (name is null || role is null || !ApiKeyRoles.IsKnown(role))
        {
            await Console.Error.WriteLineAsync($"usage: AfterSales.Cloud apikey create --name NAME --role {string.Join('|', ApiKeyRoles.All)}");
            return 2;
        }

        var app = CloudHost.Build(args[3..]);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        await using var db = await dbs.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var key = ApiKeyHasher.Generate();
        db.ApiKeys.Add(new ApiKey { Name = name, Role = role, KeyHash = ApiKeyHasher.Hash(key), CreatedAt = TimeProvider.System.GetUtcNow() });
        await db.SaveChangesAsync();
        Console.WriteLine(key);
        return 0;
    }

    /// <summary><c>demo-history [--month yyyy-MM]</c>: a month of replayed service and its reports (default: last month).</summary>
    private static async Task<int> DemoHistoryAsync(string[] args)
    {
        var month = Option(args, "--month");
        var period = ServiceMonth.TryParse(month, out var m) ? m : ServiceMonth.FirstOfMonth(DateOnly.FromDateTime(DateTime.UtcNow)).AddMonths(-1);
        var app = CloudHost.Build([.. args.Where((a, i) => a != "--month" && (i == 0 || args[i - 1] != "--month")), "--Calendar:Enabled=false"]);
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        Console.WriteLine($"Replaying {period:yyyy-MM} for every seeded site...");
        var run = await new Demo.DemoHistory(app.Services).FillAsync(period, CancellationToken.None);
        Console.WriteLine(run is null ? "History already present; nothing to do." : $"{run.Done} of {run.Total} reports generated; {run.Failed} failed.");
        return run is { Failed: > 0 } ? 1 : 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
