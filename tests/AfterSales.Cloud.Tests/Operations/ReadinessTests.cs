using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Tests.Storage;
using AfterSales.Cloud.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Operations;

/// <summary>Readiness on a real PostgreSQL and the embedded broker: each one taken away shows in the answer with its reason.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the client through IAsyncLifetime.DisposeAsync")]
public sealed class ReadinessTests : IAsyncLifetime
{
    // Its own server: the test kills it.
    private readonly PostgresServer _postgres = new();
    private readonly int _httpPort = FreePorts.Next();
    private WebApplication _app = null!;
    private bool _postgresStopped;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var connection = await _postgres.CreateDatabaseAsync();
        _app = CloudHost.Build(
        [
            $"--urls=http://127.0.0.1:{_httpPort}",
            "--Database:Provider=postgres",
            $"--Database:ConnectionString={connection};Timeout=3",
            $"--Broker:Port={FreePorts.Next()}",
            "--Broker:BindAddress=127.0.0.1",
        ]);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_postgresStopped)
        {
            await _postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_BrokerThenDatabaseGone_Answers503WithEachReason()
    {
        var ready = await UntilAsync(HttpStatusCode.OK);

        await _app.Services.GetRequiredService<EmbeddedBrokerServer>().StopAsync(default);
        var noBroker = await UntilAsync(HttpStatusCode.ServiceUnavailable);
        await _postgres.DisposeAsync();
        _postgresStopped = true;
        var noDatabase = await UntilAsync(HttpStatusCode.ServiceUnavailable, c => Status(c, "database") == "unhealthy");
        using var live = await _http.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(("healthy", "healthy"), (Status(ready, "database"), Status(ready, "broker")));
        Assert.Equal(("unhealthy", "healthy"), (Status(noBroker, "broker"), Status(noBroker, "database")));
        Assert.Contains("not connected to the embedded broker", Description(noBroker, "broker"), StringComparison.Ordinal);
        Assert.Equal("unhealthy", noDatabase.GetProperty("status").GetString());
        Assert.Contains("database unreachable", Description(noDatabase, "database"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode); // the process itself is fine: do not restart it
    }

    private static string? Status(JsonElement report, string check) => report.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();

    private static string Description(JsonElement report, string check) => report.GetProperty("checks").GetProperty(check).GetProperty("description").GetString() ?? string.Empty;

    /// <summary>Bounded wait: ingest notices a lost broker, and the pool a lost server, within seconds.</summary>
    private async Task<JsonElement> UntilAsync(HttpStatusCode wanted, Func<JsonElement, bool>? also = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await _http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (response.StatusCode == wanted && (also is null || also(json.RootElement)))
            {
                return json.RootElement.Clone();
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"readiness did not become {wanted}: {json.RootElement}");
            await Task.Delay(200);
        }
    }
}
