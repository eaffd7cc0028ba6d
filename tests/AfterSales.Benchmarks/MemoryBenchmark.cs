using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AfterSales.Benchmarks;

/// <summary>
/// Resident memory of the real gateway process (JIT, as deployed) watching 64 simulated inputs, 4 serial
/// panels and 32 cameras (their simulators run inside the same process, so this is an upper bound),
/// connected to Mosquitto, while faults change and a burst goes through the outbox. Read from /proc.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Inputs = 64;
    private const int Cameras = 32;
    private static readonly string[] Protocols = ["dsc-it100", "ad2", "paradox-prt3", "contact-id"];

    public static async Task RunAsync(int seconds)
    {
        var dir = Directory.CreateTempSubdirectory("aftersales-memory-bench");
        var (broker, port) = await BenchSupport.StartMosquittoAsync(dir.FullName);
        var configPath = Path.Combine(dir.FullName, "gateway.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(new
        {
            siteId = "site-bench",
            gatewayId = "gw-bench",
            stateDirectory = Path.Combine(dir.FullName, "state"),
            broker = new { host = "127.0.0.1", port },
            heartbeatIntervalSeconds = 5,
            inputs = Enumerable.Range(0, Inputs).Select(pin => new
            {
                pin,
                name = $"Zone relay {pin}",
                deviceId = $"zone-{pin:00}",
                deviceKind = "zone",
                fault = "zone.trouble",
                contact = "normallyClosed",
            }),

            // --simulate puts a simulated panel behind a socat pty for each panel, and a simulated
            // camera (RTSP + ONVIF on loopback) behind each camera: the site of the issue's figure.
            panels = Protocols.Select((protocol, i) => new { id = $"panel-{i}", protocol, port = $"/dev/aftersales-panel{i}", pollIntervalSeconds = 5 }),
            cameras = Enumerable.Range(0, Cameras).Select(i => new
            {
                deviceId = $"cam-{i:00}",
                kind = "camera",
                host = "127.0.0.1",
                rtspPort = 21000 + i,
                rtspPath = "/stream1",
                onvifPort = 21100 + i,
                intervalSeconds = 10,
            }),
        }));

        var gateway = Process.Start(new ProcessStartInfo("dotnet", [GatewayDll(), "--config", configPath, "--simulate"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        gateway.OutputDataReceived += (_, _) => { };
        gateway.BeginOutputReadLine();
        gateway.BeginErrorReadLine();
        try
        {
            long peakKb = 0;
            var steady = string.Empty;
            for (var s = 0; s < seconds && !gateway.HasExited; s++)
            {
                if (s == 15)
                {
                    steady = Breakdown(gateway.Id);
                }

                await Task.Delay(1000);

                // Keep it working: inputs change every second, and one burst goes through the outbox.
                await gateway.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{(s % 2 == 0 ? "fault" : "normal")} {s % Inputs}"));
                if (s == 16)
                {
                    await gateway.StandardInput.WriteLineAsync("burst 2000");
                }

                peakKb = Math.Max(peakKb, StatusKb(gateway.Id, "VmRSS"));
            }

            Console.WriteLine($"gateway resident memory  ({Inputs} inputs, {Protocols.Length} panels, {Cameras} cameras, --simulate, JIT), after 15 s of input changes: {steady}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gateway resident memory  after a 2000-event burst through the outbox, at {seconds} s: {Breakdown(gateway.Id)}, peak sampled {peakKb / 1024.0:F1} MB"));
        }
        finally
        {
            BenchSupport.Stop(gateway);
            BenchSupport.Stop(broker);
            dir.Delete(recursive: true);
        }
    }

    /// <summary>RSS, and how much of it is anonymous (heap, JIT code) versus mapped files (the shared framework's images).</summary>
    private static string Breakdown(int pid) => string.Create(CultureInfo.InvariantCulture,
        $"RSS {StatusKb(pid, "VmRSS") / 1024.0:F1} MB (anon {StatusKb(pid, "RssAnon") / 1024.0:F1}, files {StatusKb(pid, "RssFile") / 1024.0:F1}, shmem {StatusKb(pid, "RssShmem") / 1024.0:F1})");

    private static long StatusKb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static string GatewayDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Gateway", "bin", configuration, "net10.0", "AfterSales.Gateway.dll");
            }
        }

        throw new InvalidOperationException("AfterSales.sln not found");
    }
}
