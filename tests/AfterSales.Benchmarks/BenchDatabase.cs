using System.Diagnostics;
using System.Globalization;

namespace AfterSales.Benchmarks;

/// <summary>
/// The database a benchmark runs on: a SQLite file in a temp folder, or a private PostgreSQL server
/// (initdb into a temp folder, started on a free port, fsync on as in production) — or the server
/// AFTERSALES_BENCH_POSTGRES names.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("aftersales-bench-db");
    private Process? _server;

    public string Provider { get; private set; } = "sqlite";

    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        var db = new BenchDatabase();
        if (provider is "postgres" or "postgresql")
        {
            await db.StartPostgresAsync();
        }
        else
        {
            db.ConnectionString = $"Data Source={Path.Combine(db._directory.FullName, "bench.db")}";
        }

        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            BenchSupport.Stop(_server);
        }

        await Task.Yield();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task StartPostgresAsync()
    {
        Provider = "postgres";
        var external = Environment.GetEnvironmentVariable("AFTERSALES_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            return;
        }

        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Max(StringComparer.Ordinal)
            ?? throw new InvalidOperationException("no /usr/lib/postgresql/*/bin/initdb: install postgresql or set AFTERSALES_BENCH_POSTGRES");
        var data = Path.Combine(_directory.FullName, "pg");
        Directory.CreateDirectory(data);
        var root = Environment.UserName == "root";
        if (root)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _directory.FullName], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust"], root);
        var port = BenchSupport.FreePort().ToString(CultureInfo.InvariantCulture);
        _server = Start(Path.Combine(bin, "postgres"), ["-D", data, "-p", port, "-k", data, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"], root);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=aftersales;Maximum Pool Size=200";
        for (var i = 0; i < 300; i++)
        {
            using var check = Start(Path.Combine(bin, "pg_isready"), ["-h", "127.0.0.1", "-p", port], asPostgres: false);
            await check.WaitForExitAsync();
            if (check.ExitCode == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("PostgreSQL did not start within 30 s");
    }

    private static Process Start(string file, string[] args, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in asPostgres ? ["-u", "postgres", "--", file, .. args] : args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        using var process = Start(file, args, asPostgres);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed with exit code {process.ExitCode}");
        }
    }
}
