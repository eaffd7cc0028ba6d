using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.EndToEnd.Tests;

/// <summary>One cloud, optionally a mosquitto broker, and optionally a simulated gateway, each a real process.</summary>
internal sealed class Deployment : IAsyncDisposable
{
    public const string SiteId = "site-e2e";
    public const string OtherSiteId = "other-site";
    public const string GatewayId = "gw-e2e";
    public const string GatewaySecret = "e2e-secret-123";
    public const string ApiKey = "as_e2e_key_0000000000000000";
    public const string AdminApiKey = "as_e2e_admin_0000000000000000";

    /// <summary>The cloud's own user on Mosquitto (Broker:Username / Broker:Password).</summary>
    public const string CloudBrokerUser = "aftersales-cloud";
    public const string CloudBrokerPassword = "e2e-cloud-broker-password";
    public const string Dc09Account = "1234";

    /// <summary>The cloud's <c>Gateways:OfflineAfterSeconds</c> here: short, so that offline tests are quick.</summary>
    public static readonly TimeSpan OfflineWindow = TimeSpan.FromSeconds(7);

    private readonly string tempDirectory;
    private static readonly TimeSpan CloudStartPatience = TimeSpan.FromMinutes(3);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ChildProcess? cloud;
    private MosquittoServer? mosquitto;
    private int dc09Sequence;

    private Deployment(bool externalBroker, string? gatewayExecutable, bool brokerTls)
    {
        ExternalBroker = externalBroker;
        BrokerTls = brokerTls;
        GatewayExecutable = gatewayExecutable;
        tempDirectory = Directory.CreateTempSubdirectory("aftersales-e2e-").FullName;
        HttpPort = FreePort();
        BrokerPort = FreePort();
        TlsPort = FreePort();
        Dc09Port = FreePort();
        http.BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public bool ExternalBroker { get; }

    /// <summary>The embedded broker listens with TLS on a site CA's certificate (made by the cloud's <c>broker-certificate</c> command) and the gateway connects that way.</summary>
    public bool BrokerTls { get; }

    /// <summary>The embedded broker's TLS port, when <see cref="BrokerTls"/>.</summary>
    public int TlsPort { get; }

    public string BrokerTlsDirectory => Path.Combine(tempDirectory, "broker-tls");

    /// <summary>A published gateway executable (the board build), or null for the build output run with <c>dotnet</c>.</summary>
    public string? GatewayExecutable { get; }

    public int HttpPort { get; }

    public int BrokerPort { get; }

    /// <summary>Where a published gateway's DC-09 receiver listens for the test's panel.</summary>
    public int Dc09Port { get; }

    public ChildProcess? Gateway { get; private set; }

    public static async Task<Deployment> StartAsync(bool externalBroker, string? gatewayExecutable = null, bool brokerTls = false)
    {
        // The ports are found free and released before the servers bind them, so a process running in
        // parallel can take one in between; such a start is tried again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var deployment = new Deployment(externalBroker, gatewayExecutable, brokerTls);
            try
            {
                await deployment.StartServersAsync(externalBroker);
                return deployment;
            }
            catch (Exception) when (attempt < 3 && deployment.Diagnostics().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await deployment.DisposeAsync();
            }
            catch
            {
                await deployment.DisposeAsync();
                throw;
            }
        }
    }

    private async Task StartServersAsync(bool externalBroker)
    {
        if (externalBroker)
        {
            // As an operator does (docs/security.md, "Mosquitto"): the cloud writes Mosquitto's password and ACL files from its registry.
            await WriteMosquittoFilesAsync();
            mosquitto = new MosquittoServer(BrokerPort, MosquittoFilesDirectory, tempDirectory);
            await mosquitto.StartAsync();
        }

        if (BrokerTls)
        {
            await MakeBrokerCertificateAsync();
        }

        StartCloud();

        // Stop waiting early when the cloud process has died: its output says why. A first start
        // migrates a new database, which on a 2-core CI machine running every test project at once
        // has taken longer than the default minute.
        var healthy = await Poll.UntilAsync(async () => cloud!.HasExited || await IsHealthyAsync(), CloudStartPatience);
        Assert.True(healthy && !cloud!.HasExited, "cloud /healthz did not become 200.\n" + Diagnostics());
    }

    public string GatewayStateDirectory => Path.Combine(tempDirectory, "gateway-state");

    public string TempDirectory => tempDirectory;

    public Uri CloudUrl => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>An HTTP client with the seeded admin API key.</summary>
    public HttpClient AdminClient()
    {
        var admin = new HttpClient { BaseAddress = CloudUrl, Timeout = TimeSpan.FromSeconds(10) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminApiKey);
        return admin;
    }

    /// <summary>Starts the simulated gateway on a configuration file the test prepared (an enrolled one).</summary>
    public void StartGatewayFrom(string configPath)
    {
        Gateway?.Dispose();
        Gateway = ChildProcess.Start("gateway", "dotnet", [Binary("Gateway/Simulation", "AfterSales.Gateway.Simulation.dll"), "--config", configPath, "--simulate"], redirectInput: true);
    }

    public string GatewayConfigPath => Path.Combine(tempDirectory, "gateway.json");

    /// <summary>The cloud's private site-config signing key (a test may sign with it to play a cloud gone wrong).</summary>
    public string CloudSigningKeyPath => Path.Combine(tempDirectory, "cloud-keys", "config-signing-key.pem");

    /// <summary>Where the gateway's copy of the cloud's public key is installed, fetched from the cloud as an installer does.</summary>
    public string GatewayCloudKeyPath => Path.Combine(tempDirectory, "cloud-config-key.pem");

    /// <summary>
    /// Starts (or restarts, on the same state directory) the gateway: the simulator with a simulated input on pin 17, or a
    /// published build (which has no simulator) with its DC-09 receiver, where the test plays the site's IP panel.
    /// </summary>
    public void StartGateway(long outboxMaxBytes = 64L * 1024 * 1024, Action<string>? onLine = null)
    {
        var configPath = GatewayConfigPath;
        if (!File.Exists(GatewayCloudKeyPath))
        {
            // docs/security.md, "Site config": the installer gives the gateway the cloud's public key.
            File.WriteAllText(GatewayCloudKeyPath, http.GetStringAsync(new Uri("/api/v1/config-signing-key", UriKind.Relative)).GetAwaiter().GetResult());
        }

        var common = new Dictionary<string, object>
        {
            ["siteId"] = SiteId,
            ["gatewayId"] = GatewayId,
            ["stateDirectory"] = GatewayStateDirectory,
            ["cloudConfigKey"] = GatewayCloudKeyPath,
            ["broker"] = BrokerTls
                ? new { host = "127.0.0.1", port = TlsPort, username = GatewayId, password = GatewaySecret, useTls = true, caCertificate = Path.Combine(BrokerTlsDirectory, "ca.pem") }
                : (object)new { host = "127.0.0.1", port = BrokerPort, username = GatewayId, password = GatewaySecret, useTls = false },
            ["heartbeatIntervalSeconds"] = 2,
            ["pollIntervalMilliseconds"] = 10,
            ["outbox"] = new { maxBytes = outboxMaxBytes },
        };
        if (GatewayExecutable is null)
        {
            common["inputs"] = new[]
            {
                new { pin = 17, name = "Panel AC power relay", deviceId = "panel", deviceKind = "panel", fault = "panel.ac_loss", contact = "normallyClosed", debounceMilliseconds = 50 },
            };
        }
        else
        {
            common["dc09Receiver"] = new { listenAddress = "127.0.0.1", tcpPort = Dc09Port, accounts = new[] { new { account = Dc09Account, panelId = "panel", allowCleartext = true } } };
        }

        File.WriteAllText(configPath, JsonSerializer.Serialize(common));
        Gateway?.Dispose();
        var (fileName, arguments) = GatewayExecutable is { } executable
            ? (executable, new[] { "--config", configPath })
            : ("dotnet", [Binary("Gateway/Simulation", "AfterSales.Gateway.Simulation.dll"), "--config", configPath, "--simulate"]);
        Gateway = ChildProcess.Start("gateway", fileName, arguments, redirectInput: true, onLine: onLine);
    }

    /// <summary>Puts the site's panel into AC trouble (or back): a pin on the simulator, a DC-09 event to a published build.</summary>
    public async Task SetPanelAcLossAsync(bool lost)
    {
        if (GatewayExecutable is null)
        {
            await Gateway!.WriteLineAsync(lost ? "fault 17" : "normal 17");
            return;
        }

        // The panel retries until its receiver is listening and ACKs, as a real one does, each time with a fresh timestamp.
        var data = lost ? "Nri1/AT00" : "Nri1/AR00";
        var acked = await Poll.UntilAsync(async () =>
        {
            var frame = Dc09Framing.Encode(new Dc09Message(
                "SIA-DCS", false, Interlocked.Increment(ref dc09Sequence), null, "0", Dc09Account, data, Dc09Account, [], DateTimeOffset.UtcNow));
            try
            {
                using var panel = new TcpClient();
                await panel.ConnectAsync(IPAddress.Loopback, Dc09Port);
                var stream = panel.GetStream();
                await stream.WriteAsync(frame);
                var answer = new byte[256];
                var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                return System.Text.Encoding.ASCII.GetString(answer, 0, read).Contains("\"ACK\"", StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
                return false;
            }
        });
        Assert.True(acked, "the gateway's DC-09 receiver did not ACK the panel.\n" + Diagnostics());
    }

    /// <summary>Runs <c>AfterSales.Gateway status</c> against the gateway's config, as an installer would.</summary>
    public async Task<(int ExitCode, string Output)> GatewayStatusAsync()
    {
        var (fileName, arguments) = GatewayExecutable is { } executable
            ? (executable, new[] { "status", "--config", GatewayConfigPath })
            : ("dotnet", [Binary("Gateway", "AfterSales.Gateway.dll"), "status", "--config", GatewayConfigPath]);
        using var status = ChildProcess.Start("gateway status", fileName, arguments);
        await status.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await Task.Yield();
        return (status.ExitCode, status.Output);
    }

    /// <summary>Stops the external broker the way its service manager would (SIGTERM: it saves its persistent sessions).</summary>
    public Task StopBrokerAsync() => ExternalMosquitto.StopAsync();

    /// <summary>Starts the external broker again on the same port and persistence file.</summary>
    public Task StartBrokerAsync() => ExternalMosquitto.StartAsync();

    private MosquittoServer ExternalMosquitto => mosquitto ?? throw new InvalidOperationException("No external broker.");

    public async Task WaitForGatewayConnectedAsync()
    {
        var gateway = Gateway ?? throw new InvalidOperationException("No gateway started.");
        var connected = await Poll.UntilAsync(() => Task.FromResult(gateway.Output.Contains("Connected to broker", StringComparison.Ordinal)));
        Assert.True(connected, "gateway did not connect to the broker.\n" + Diagnostics());
    }

    public async Task<JsonElement[]> GetTicketsAsync()
    {
        using var response = await http.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/v1/tickets: {(int)response.StatusCode} {body}\n{Diagnostics()}");
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}\n{Diagnostics()}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public string Diagnostics() => string.Join(
        "\n",
        new[] { mosquitto?.Tail() }.Concat(new[] { cloud, Gateway }.Where(p => p is not null).Select(p => p!.Tail())).Where(t => t is not null));

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        cloud?.Dispose();
        mosquitto?.Dispose();
        http.Dispose();
        await Task.Yield();
        // AFTERSALES_KEEP=1 keeps the databases, outbox and logs of a run for a post-mortem.
        if (Environment.GetEnvironmentVariable("AFTERSALES_KEEP") is not null)
        {
            Console.Error.WriteLine("kept " + tempDirectory);
            return;
        }

        try
        {
            Directory.Delete(tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    public string MosquittoFilesDirectory => Path.Combine(tempDirectory, "mosquitto-auth");

    /// <summary>Runs the cloud's <c>mosquitto-files</c> command on the cloud's own settings and database (seeded by it, as the service would be at start).</summary>
    public async Task WriteMosquittoFilesAsync()
    {
        using var command = ChildProcess.Start("mosquitto-files", "dotnet", [.. CloudArguments(mosquittoFiles: true), "--out", MosquittoFilesDirectory]);
        await command.WaitForExitAsync(TimeSpan.FromSeconds(120));
        Assert.True(command.ExitCode == 0, "mosquitto-files failed:\n" + command.Output);
    }

    /// <summary>Makes Mosquitto read its password and ACL files again, as <c>systemctl reload mosquitto</c> does.</summary>
    public Task ReloadBrokerAsync() => ExternalMosquitto.ReloadAsync();

    private void StartCloud() => cloud = ChildProcess.Start("cloud", "dotnet", CloudArguments(mosquittoFiles: false));

    private List<string> CloudArguments(bool mosquittoFiles)
    {
        var inv = CultureInfo.InvariantCulture;
        List<string> args =
        [
            Binary("Cloud", "AfterSales.Cloud.dll"),
            .. mosquittoFiles ? ["mosquitto-files"] : new[] { "--urls", $"http://127.0.0.1:{HttpPort.ToString(inv)}" },
            $"--Database:ConnectionString=Data Source={Path.Combine(tempDirectory, "cloud.db")}",
            $"--Broker:Port={BrokerPort.ToString(inv)}",
            $"--SiteConfig:SigningKeyFile={CloudSigningKeyPath}",
            $"--Gateways:OfflineAfterSeconds={OfflineWindow.TotalSeconds.ToString(inv)}", // silent for more than 6 s (one 1 s sweep less): the gateway here heartbeats every 2 s

            // One line per ticket action would make the fault-injection bursts mostly console work.
            "--Serilog:MinimumLevel:Override:AfterSales.Cloud.Tickets=Warning",
            "--Gateways:SweepIntervalSeconds=1",
            "--Seed:Centres:0:Id=cd",
            "--Seed:Centres:0:Name=Centre",
            "--Seed:Centres:0:Latitude=30.6574",
            "--Seed:Centres:0:Longitude=104.0657",
            $"--Seed:Sites:0:Id={SiteId}",
            "--Seed:Sites:0:Name=E2E",
            "--Seed:Sites:0:Latitude=30.6050",
            "--Seed:Sites:0:Longitude=104.0150",
            $"--Seed:Sites:1:Id={OtherSiteId}",
            "--Seed:Sites:1:Name=Other",
            "--Seed:Sites:1:Latitude=30.6050",
            "--Seed:Sites:1:Longitude=104.0150",
            $"--Seed:Gateways:0:Id={GatewayId}",
            $"--Seed:Gateways:0:SiteId={SiteId}",
            $"--Seed:Gateways:0:Secret={GatewaySecret}",
            "--Seed:ApiKeys:0:Name=t",
            "--Seed:ApiKeys:0:Role=admin", // the operator (admin of the default company): it reads the ingest counters and refusals of unknown sites
            $"--Seed:ApiKeys:0:Key={ApiKey}",
            "--Seed:ApiKeys:1:Name=admin",
            "--Seed:ApiKeys:1:Role=admin",
            $"--Seed:ApiKeys:1:Key={AdminApiKey}",
        ];
        if (ExternalBroker)
        {
            args.AddRange(["--Broker:Embedded=false", "--Broker:Host=127.0.0.1", $"--Broker:Username={CloudBrokerUser}", $"--Broker:Password={CloudBrokerPassword}"]);
        }
        else
        {
            args.Add("--Broker:BindAddress=127.0.0.1");
        }

        if (BrokerTls)
        {
            args.AddRange([
                $"--Broker:TlsPort={TlsPort.ToString(inv)}",
                $"--Broker:TlsCertificateFile={Path.Combine(BrokerTlsDirectory, "broker.pfx")}",
                $"--Broker:TlsCaCertificateFile={Path.Combine(BrokerTlsDirectory, "ca.pem")}",
            ]);
        }

        return args;
    }

    /// <summary>As an installer of a small site does (docs/security.md, "MQTT over TLS"): the cloud's own command makes the site CA and the broker's certificate.</summary>
    private async Task MakeBrokerCertificateAsync()
    {
        using var command = ChildProcess.Start("broker-certificate", "dotnet", [Binary("Cloud", "AfterSales.Cloud.dll"), "broker-certificate", "--out", BrokerTlsDirectory, "--ip", "127.0.0.1", "--host", "localhost"]);
        await command.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(command.ExitCode == 0, "broker-certificate failed:\n" + command.Output);
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    internal static string Binary(string project, string dll)
    {
        var path = Path.Combine(RepoRoot(), "src", project, "bin", Configuration(), "net10.0", dll);
        Assert.True(File.Exists(path), $"{path} not found; run `dotnet build` first.");
        return path;
    }

    private static string Configuration()
    {
        // AppContext.BaseDirectory is …/bin/<Configuration>/net10.0/
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return framework.Parent?.Name ?? "Debug";
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfterSales.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
