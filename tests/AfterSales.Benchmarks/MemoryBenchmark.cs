using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AfterSales.Benchmarks;

/// <summary>
/// Resident memory of the real gateway process (JIT, as deployed) watching 64 simulated inputs,
/// connected to Mosquitto, while faults change and a burst goes through the outbox. Read from /proc.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Inputs = 64;

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
            for (var s = 0; s < seconds && !gateway.HasExited; s++)
            {
                await Task.Delay(1000);

                // Keep it working: inputs change every second, and one burst goes through the outbox.
                await gateway.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{(s % 2 == 0 ? "fault" : "normal")} {s % Inputs}"));
                if (s == 5)
                {
                    await gateway.StandardInput.WriteLineAsync("burst 2000");
                }

                peakKb = Math.Max(peakKb, StatusKb(gateway.Id, "VmRSS"));
            }

            var rss = StatusKb(gateway.Id, "VmRSS");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gateway resident memory  ({Inputs} inputs, --simulate, JIT, after {seconds} s incl. a 2000-event burst): RSS {rss / 1024.0:F1} MB, peak sampled {peakKb / 1024.0:F1} MB, VmHWM {StatusKb(gateway.Id, "VmHWM") / 1024.0:F1} MB"));
        }
        finally
        {
            BenchSupport.Stop(gateway);
            BenchSupport.Stop(broker);
            dir.Delete(recursive: true);
        }
    }

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
