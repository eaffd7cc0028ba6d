using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// Several sites, each a simulated gateway process with its own outbox, against the cloud as real
/// processes. The layouts (docs/ingest.md):
/// - the default set-up: one cloud node with its embedded broker on a SQLite file;
/// - one node with its embedded broker on PostgreSQL (whose server a test can take away);
/// - several nodes: cloud nodes sharing one PostgreSQL database and one external Mosquitto,
///   splitting the events through a shared subscription.
/// Any node can be SIGKILLed and started again (same database, port and broker client id) while
/// the gateways keep running; the external broker can be restarted.
/// </summary>
internal sealed class CloudFleet : IAsyncDisposable
{
    public const string Secret = "fleet-secret-123";
    public const string CloudBrokerUser = "aftersales-cloud";
    public const string CloudBrokerPassword = "fleet-cloud-broker-password";

    private readonly string _directory = Directory.CreateTempSubdirectory("aftersales-fleet-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ChildProcess?[] _gateways;
    private readonly ChildProcess?[] _nodes;
    private readonly int[] _httpPorts;
    private readonly string? _postgres;
    private readonly bool _externalBroker;
    private MosquittoServer? _mosquitto;
    private IReadOnlyList<string> _nodeSettings = [];

    /// <summary>One node with its embedded broker, on SQLite or (given its connection string) PostgreSQL.</summary>
    public CloudFleet(int sites, string? postgres = null)
        : this(sites, nodes: 1, postgres, externalBroker: false)
    {
    }

    private CloudFleet(int sites, int nodes, string? postgres, bool externalBroker)
    {
        _externalBroker = externalBroker;
        _gateways = new ChildProcess?[sites];
        _nodes = new ChildProcess?[nodes];
        _httpPorts = [.. Enumerable.Range(0, nodes).Select(_ => FreePort())];
        _postgres = postgres;
        BrokerPort = FreePort();
    }

    /// <summary>
    /// Several nodes on one PostgreSQL database and one external Mosquitto, which is started here.
    /// <paramref name="nodeSettings"/> (<c>--Section:Key=value</c>) are given to every node and
    /// <paramref name="brokerSettings"/> (lines of mosquitto.conf) to the broker: the benchmarks use them.
    /// </summary>
    public static async Task<CloudFleet> StartSharedAsync(int sites, int nodes, string postgresConnectionString, IReadOnlyList<string>? nodeSettings = null, string brokerSettings = "")
    {
        var fleet = new CloudFleet(sites, nodes, postgresConnectionString, externalBroker: true) { _nodeSettings = nodeSettings ?? [] };
        try
        {
            // As an operator does (docs/security.md, "Mosquitto"): the cloud writes Mosquitto's
            // password and ACL files from its registry, seeded by this first run.
            var auth = Path.Combine(fleet._directory, "mosquitto-auth");
            using (var command = ChildProcess.Start("mosquitto-files", "dotnet", [.. fleet.NodeArguments(0, ["mosquitto-files"]), "--out", auth]))
            {
                await command.WaitForExitAsync(TimeSpan.FromSeconds(120));
                Assert.True(command.ExitCode == 0, "mosquitto-files failed:\n" + command.Output);
            }

            fleet._mosquitto = new MosquittoServer(fleet.BrokerPort, auth, fleet._directory, brokerSettings);
            await fleet._mosquitto.StartAsync();
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    public int BrokerPort { get; }

    public int Sites => _gateways.Length;

    public int Nodes => _nodes.Length;

    public static string SiteId(int i) => "site-" + i.ToString("00", CultureInfo.InvariantCulture);

    public static string GatewayId(int i) => "gw-" + i.ToString("00", CultureInfo.InvariantCulture);

    public string StateDirectory(int i) => Path.Combine(_directory, "gateway-" + i.ToString(CultureInfo.InvariantCulture));

    public ChildProcess Gateway(int i) => _gateways[i] ?? throw new InvalidOperationException($"gateway {i} not started");

    /// <summary>Starts every node (again).</summary>
    public async Task StartCloudAsync()
    {
        for (var node = 0; node < Nodes; node++)
        {
            await StartNodeAsync(node);
        }
    }

    /// <summary>Starts one node (again) and waits until it is healthy: database ready, ingest connected to its broker.</summary>
    public async Task StartNodeAsync(int node)
    {
        _nodes[node]?.Dispose();
        var process = ChildProcess.Start(NodeName(node), "dotnet", NodeArguments(node, ["--urls", $"http://127.0.0.1:{_httpPorts[node].ToString(CultureInfo.InvariantCulture)}"]));
        _nodes[node] = process;
        var healthy = await Poll.UntilAsync(async () => process.HasExited || await IsHealthyAsync(node), TimeSpan.FromSeconds(120));
        Assert.True(healthy && !process.HasExited, $"{NodeName(node)} /healthz did not become 200.\n" + Diagnostics());
    }

    /// <summary>The fault injected: SIGKILL, no chance to flush or say goodbye.</summary>
    public void KillCloud()
    {
        for (var node = 0; node < Nodes; node++)
        {
            KillNode(node);
        }
    }

    public void KillNode(int node) => _nodes[node]?.Kill();

    /// <summary>Restarts the external broker as its service manager would: SIGTERM (it saves its sessions), then start.</summary>
    public async Task RestartBrokerAsync()
    {
        var broker = _mosquitto ?? throw new InvalidOperationException("This fleet runs the embedded broker.");
        await broker.StopAsync();
        await broker.StartAsync();
    }

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

    /// <summary>How long a fault test waits for the gateways and the cloud to catch up.</summary>
    public static readonly TimeSpan DrainPatience = TimeSpan.FromMinutes(5);

    public async Task WaitAsync(Func<bool> condition, string what)
    {
        var reached = await Poll.UntilAsync(() => Task.FromResult(condition()), DrainPatience);
        Assert.True(reached, $"timed out waiting for: {what}\n{Diagnostics()}");
    }

    /// <summary>
    /// Waits until every burst is taken and everything has arrived, then asserts the promise: all
    /// <paramref name="sent"/> events stored, none lost, none applied twice, each device's in order.
    /// </summary>
    public async Task<FleetAudit> AssertNothingLostAsync(IReadOnlyList<BurstLedger> ledgers, int bursts, int sent)
    {
        await WaitAsync(() => ledgers.All(l => l.BurstsDone >= bursts), "every burst taken by its gateway");
        FleetAudit? audit = null;
        var drained = await Poll.UntilAsync(
            () =>
            {
                audit = FleetAudit.Take(this, ledgers);
                return Task.FromResult(audit.Drained);
            },
            DrainPatience);
        audit ??= FleetAudit.Take(this, ledgers);

        var context = $"{audit}\n{Diagnostics()}";
        Assert.True(drained, "not everything arrived: " + context);
        Assert.Equal(sent, audit.Sent);
        Assert.True(audit.Lost == 0, "events lost: " + context);
        Assert.True(audit.Duplicated == 0, "events applied twice: " + context);
        Assert.True(audit.OrderViolations == 0, "per-device order broken: " + context);
        Assert.True(audit.Stale == 0, "stale occurrences: " + context);
        return audit;
    }

    /// <summary>The cloud's database, for the audit: the SQLite file or the shared PostgreSQL database.</summary>
    public DbConnection OpenCloudDatabase() => _postgres is null
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteFile(), Pooling = false }.ToString())
        : new NpgsqlConnection(_postgres);

    /// <summary>The inbox: on SQLite a file of its own beside the cloud's (aftersales.db → aftersales.inbox.db), on PostgreSQL a table of the same database.</summary>
    public DbConnection OpenInbox() => _postgres is null
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.ChangeExtension(SqliteFile(), ".inbox.db"), Pooling = false }.ToString())
        : new NpgsqlConnection(_postgres);

    /// <summary>Whether the cloud's database exists yet (a SQLite file is created by the first start).</summary>
    public bool HasCloudDatabase => _postgres is not null || File.Exists(SqliteFile());

    public string Diagnostics() => string.Join(
        "\n",
        new[] { _mosquitto?.Tail() }.Concat(_nodes.Concat(_gateways.Take(2)).Select(p => p?.Tail(40))).OfType<string>());

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _gateways.Concat(_nodes))
        {
            process?.Dispose();
        }

        _mosquitto?.Dispose();
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

    private string SqliteFile() => Path.Combine(_directory, "cloud.db");

    private string NodeName(int node) => Nodes == 1 ? "cloud" : "node " + node.ToString(CultureInfo.InvariantCulture);

    private List<string> NodeArguments(int node, IEnumerable<string> command)
    {
        var inv = CultureInfo.InvariantCulture;
        List<string> args =
        [
            Deployment.Binary("Cloud", "AfterSales.Cloud.dll"),
            .. command,
            $"--Broker:Port={BrokerPort.ToString(inv)}",
            "--Calendar:Enabled=false",

            // One line per ticket action would make the bursts mostly console work.
            "--Serilog:MinimumLevel:Override:AfterSales.Cloud.Tickets=Warning",
            "--Seed:Centres:0:Id=cd", "--Seed:Centres:0:Name=Centre", "--Seed:Centres:0:Latitude=30.6574", "--Seed:Centres:0:Longitude=104.0657",
        ];
        args.AddRange(_postgres is null
            ? [$"--Database:ConnectionString=Data Source={SqliteFile()}"]
            : ["--Database:Provider=postgres", $"--Database:ConnectionString={_postgres}"]);
        if (!_externalBroker)
        {
            args.Add("--Broker:BindAddress=127.0.0.1");
        }
        else
        {
            // docs/ingest.md, "Several nodes": each node its own broker client id, one shared subscription.
            args.AddRange([
                "--Broker:Embedded=false", "--Broker:Host=127.0.0.1", $"--Broker:Username={CloudBrokerUser}", $"--Broker:Password={CloudBrokerPassword}",
                "--Broker:SharedSubscription=true", $"--Broker:ClientId=aftersales-cloud-node{node.ToString(inv)}",
            ]);
        }

        for (var i = 0; i < Sites; i++)
        {
            var n = i.ToString(inv);
            args.AddRange([
                $"--Seed:Sites:{n}:Id={SiteId(i)}", $"--Seed:Sites:{n}:Name=Site {n}",
                $"--Seed:Sites:{n}:Latitude=30.6050", $"--Seed:Sites:{n}:Longitude=104.0150",
                $"--Seed:Gateways:{n}:Id={GatewayId(i)}", $"--Seed:Gateways:{n}:SiteId={SiteId(i)}", $"--Seed:Gateways:{n}:Secret={Secret}",
            ]);
        }

        args.AddRange(_nodeSettings);
        return args;
    }

    private async Task<bool> IsHealthyAsync(int node)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{_httpPorts[node].ToString(CultureInfo.InvariantCulture)}/healthz"));
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
