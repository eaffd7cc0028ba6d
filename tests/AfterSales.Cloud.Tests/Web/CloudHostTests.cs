using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using AfterSales.Cloud.Hosting;
using Microsoft.AspNetCore.Builder;

namespace AfterSales.Cloud.Tests.Web;

public sealed class CloudHostTests : IAsyncLifetime
{
    private const string Key = "as_test_key_00000000000000";
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-web-{Guid.NewGuid():N}.db");
    private readonly int _httpPort = FreePort();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = CloudHost.Build(
        [
            $"--urls=http://127.0.0.1:{_httpPort}",
            $"--Database:ConnectionString=Data Source={_dbFile};Pooling=False",
            $"--Broker:Port={FreePort()}",
            "--Broker:BindAddress=127.0.0.1",
            "--Seed:ApiKeys:0:Name=t",
            "--Seed:ApiKeys:0:Role=dispatcher",
            $"--Seed:ApiKeys:0:Key={Key}",
        ]);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task Host_Started_ServesApiPagesAndHealth()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}"),
        };

        using (var anonymous = await http.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tickets"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        }

        using (var page = await http.GetAsync(new Uri("/tickets", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        }

        // The ingest client connects to the embedded broker in the background; bounded poll.
        var waited = Stopwatch.StartNew();
        HttpStatusCode health;
        do
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            health = response.StatusCode;
            if (health == HttpStatusCode.OK || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (true);

        Assert.Equal(HttpStatusCode.OK, health);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
