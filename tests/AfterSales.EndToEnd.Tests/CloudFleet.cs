using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The default set-up with several sites: one cloud process (embedded broker, SQLite file) and one
/// simulated gateway process per site, each with its own outbox. The cloud can be SIGKILLed and
/// started again on the same database and port while the gateways keep running.
/// </summary>
internal sealed class CloudFleet : IAsyncDisposable
{
    public const string Secret = "fleet-secret-123";

    private readonly string _directory = Directory.CreateTempSubdirectory("aftersales-fleet-").FullName;
    private readonly int _httpPort = FreePort();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ChildProcess?[] _gateways;
    private ChildProcess? _cloud;

    public CloudFleet(int sites)
    {
        _gateways = new ChildProcess?[sites];
        BrokerPort = FreePort();
        _http.BaseAddress = new Uri($"http://127.0.0.1:{_httpPort.ToString(CultureInfo.InvariantCulture)}");
    }

    public int BrokerPort { get; }

    public int Sites => _gateways.Length;

    public string CloudDatabase => Path.Combine(_directory, "cloud.db");

    public static string SiteId(int i) => "site-" + i.ToString("00", CultureInfo.InvariantCulture);

    public static string GatewayId(int i) => "gw-" + i.ToString("00", CultureInfo.InvariantCulture);

    public string StateDirectory(int i) => Path.Combine(_directory, "gateway-" + i.ToString(CultureInfo.InvariantCulture));

    public ChildProcess Gateway(int i) => _gateways[i] ?? throw new InvalidOperationException($"gateway {i} not started");

    /// <summary>Starts the cloud (again) and waits until its ingest is connected to its broker.</summary>
    public async Task StartCloudAsync()
    {
        _cloud?.Dispose();
        _cloud = ChildProcess.Start("cloud", "dotnet", CloudArguments());
        var healthy = await Poll.UntilAsync(async () => _cloud.HasExited || await IsHealthyAsync(), TimeSpan.FromSeconds(120));
        Assert.True(healthy && !_cloud.HasExited, "cloud /healthz did not become 200.\n" + Diagnostics());
    }

    /// <summary>The fault injected: SIGKILL, no chance to flush or say goodbye.</summary>
    public void KillCloud() => _cloud?.Kill();

    public void StartGateway(int i, Action<string> onLine)
    {
        var config = Path.Combine(_directory, $"gateway-{i.ToString(CultureInfo.InvariantCulture)}.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            siteId = SiteId(i),
            gatewayId = GatewayId(i),
            stateDirectory = StateDirectory(i),
            broker = new { host = "127.0.0.1", port = BrokerPort, username = GatewayId(i), password = Secret, useTls = false },
            heartbeatIntervalSeconds = 5,
            pollIntervalMilliseconds = 10,
            inputs = new[]
            {
                new { pin = 17, name = "Panel AC", deviceId = "panel", deviceKind = "panel", fault = "panel.ac_loss", contact = "normallyClosed", debounceMilliseconds = 50 },
            },
        }));
        _gateways[i]?.Dispose();
        _gateways[i] = ChildProcess.Start($"gateway {i}", "dotnet", [Deployment.Binary("Gateway/Simulation", "AfterSales.Gateway.Simulation.dll"), "--config", config, "--simulate"], redirectInput: true, onLine: onLine);
    }

    public string Diagnostics() => string.Join("\n", new[] { _cloud }.Concat(_gateways.Take(2)).Where(p => p is not null).Select(p => p!.Tail(40)));

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            gateway?.Dispose();
        }

        _cloud?.Dispose();
        _http.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private List<string> CloudArguments()
    {
        var inv = CultureInfo.InvariantCulture;
        List<string> args =
        [
            Deployment.Binary("Cloud", "AfterSales.Cloud.dll"),
            "--urls", $"http://127.0.0.1:{_httpPort.ToString(inv)}",
            $"--Database:ConnectionString=Data Source={CloudDatabase}",
            $"--Broker:Port={BrokerPort.ToString(inv)}",
            "--Broker:BindAddress=127.0.0.1",
            "--Calendar:Enabled=false",

            // One line per ticket action would make the bursts mostly console work.
            "--Serilog:MinimumLevel:Override:AfterSales.Cloud.Tickets=Warning",
            "--Seed:Centres:0:Id=cd", "--Seed:Centres:0:Name=Centre", "--Seed:Centres:0:Latitude=30.6574", "--Seed:Centres:0:Longitude=104.0657",
        ];
        for (var i = 0; i < Sites; i++)
        {
            var n = i.ToString(inv);
            args.AddRange([
                $"--Seed:Sites:{n}:Id={SiteId(i)}", $"--Seed:Sites:{n}:Name=Site {n}",
                $"--Seed:Sites:{n}:Latitude=30.6050", $"--Seed:Sites:{n}:Longitude=104.0150",
                $"--Seed:Gateways:{n}:Id={GatewayId(i)}", $"--Seed:Gateways:{n}:SiteId={SiteId(i)}", $"--Seed:Gateways:{n}:Secret={Secret}",
            ]);
        }

        return args;
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
