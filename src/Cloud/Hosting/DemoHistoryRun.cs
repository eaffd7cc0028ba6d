namespace AfterSales.Cloud.Hosting;

/// <summary><c>demo-history</c>: migrate and seed, then replay the month and report what was generated.</summary>
internal static class DemoHistoryRun
{
    public static async Task<int> RunAsync(string[] hostArgs, DateOnly period, CancellationToken cancellationToken)
    {
        var app = CloudHost.Build(hostArgs);
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartAsync(cancellationToken);
        }

        Console.WriteLine($"Replaying {period:yyyy-MM} for every seeded site...");
        var run = await new Demo.DemoHistory(app.Services).FillAsync(period, cancellationToken);
        Console.WriteLine(run is null ? "History already present; nothing to do." : $"{run.Done} of {run.Total} reports generated; {run.Failed} failed.");
        return run is { Failed: > 0 } ? 1 : 0;
    }
}
