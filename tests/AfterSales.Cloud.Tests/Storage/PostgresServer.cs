using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace AfterSales.Cloud.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL server for the test run: initdb into a temp dir, started on a free
/// port, killed and deleted on dispose. AFTERSALES_TEST_POSTGRES points at an existing server instead.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    private const string EnvVar = "AFTERSALES_TEST_POSTGRES";
    private readonly StringBuilder _output = new();
    private Process? _server;
    private string? _dataDir;
    private string? _bin;
    private int _port;

    /// <summary>Connection string of the maintenance database (superuser).</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: do not leave a server behind.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvVar);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }

        var initdb = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "initdb"))
                .Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        Assert.True(initdb is not null, $"No /usr/lib/postgresql/*/bin/initdb found: install postgresql (see .ci/run), or set {EnvVar}.");
        var bin = Path.GetDirectoryName(initdb)!;

        _dataDir = Directory.CreateTempSubdirectory("aftersales-pg-").FullName;
        var asRoot = IsRoot();
        if (asRoot)
        {
            await RunToEndAsync("chown", ["postgres:postgres", _dataDir]);
        }

        await RunToEndAsync(initdb!, ["-D", _dataDir, "-U", "postgres", "--auth=trust", "--no-sync"], asRoot);

        (_bin, _port) = (bin, FreePort());
        AdminConnectionString = $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";
        await LaunchAsync();
    }

    /// <summary>Kills the server the way a crash or a lost network would, keeping its data for <see cref="RestartAsync"/>.</summary>
    public void Kill()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }
    }

    /// <summary>Starts the killed server again on the same port and data.</summary>
    public Task RestartAsync()
    {
        // The killed postmaster may linger as a zombie until it is reaped, and PostgreSQL refuses to
        // start while the PID in its lock files is alive; it is dead, so its lock files go.
        var port = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var lockFile in (string[])["postmaster.pid", $".s.PGSQL.{port}.lock", $".s.PGSQL.{port}"])
        {
            File.Delete(Path.Combine(_dataDir!, lockFile));
        }

        return LaunchAsync();
    }

    private async Task LaunchAsync()
    {
        _server?.Dispose();
        _server = Start(Path.Combine(_bin!, "postgres"),
            ["-D", _dataDir!, "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _dataDir!,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"], IsRoot());

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_server.HasExited)
            {
                await Task.Delay(100);
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException)
            {
                Assert.Fail($"PostgreSQL did not accept connections within 30 s (exited: {_server.HasExited}): {ex.Message}\n{Output()}");
            }
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    /// <param name="pooled">
    /// Connections pooled as a cloud node's are: a test that opens a unit of work per step (a thousand timer firings)
    /// otherwise starts a server process for each. Unpooled for the tests whose processes outlive a stopped server.
    /// </param>
    public async Task<string> CreateDatabaseAsync(bool pooled = false)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // A pool's idle connections close within seconds, so the pools of finished tests do not hold the server's connections.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = pooled, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ConnectionString;
    }

    public Task DisposeAsync()
    {
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(10_000);
            }

            _server.Dispose();
        }

        if (_dataDir is not null && Directory.Exists(_dataDir))
        {
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A straggling server process may still hold a file; the temp dir is cleaned by the OS.
            }
        }

        return Task.CompletedTask;
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static bool IsRoot() => Environment.UserName == "root" || GetEuid() == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint GetEuid();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string file, string[] args, bool asPostgres = false)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task RunToEndAsync(string file, string[] args, bool asPostgres = false)
    {
        using var process = Start(file, args, asPostgres);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed with {process.ExitCode}:\n{Output()}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
