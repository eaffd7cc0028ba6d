using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AfterSales.Benchmarks;

/// <summary>
/// Resident memory of the gateway as deployed — the board build (<c>-p:PublishProfile=board</c>) started with the
/// environment of its systemd unit — watching 64 simulated inputs, 4 serial panels and 32 cameras, connected to
/// Mosquitto, while inputs change and a burst goes through the outbox. Read from /proc.
/// The gateway runs as the simulator published with the same profile, with <c>--simulate-board</c> (only its GPIO pins
/// and chips are simulated; the board's own build carries no simulator); the panels and cameras are
/// simulated here, in the benchmark's process, behind socat pseudo-terminals and loopback sockets, as the real
/// ones are outside the gateway.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Inputs = 64;
    private const int Cameras = 32;
    private static readonly string[] Protocols = ["dsc-it100", "ad2", "paradox-prt3", "contact-id"];

    public static async Task RunAsync(int seconds, string? executable)
    {
        var dir = Directory.CreateTempSubdirectory("aftersales-memory-bench");
        executable ??= await PublishBoardBuildAsync(Path.Combine(dir.FullName, "gateway"));
        var (broker, port) = await BenchSupport.StartMosquittoAsync(dir.FullName);
        using var cloud = await BenchSupport.SubscribeCloudAsync(port);
        var field = SimulatedSite.Start(dir.FullName, Protocols, Cameras);
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
            panels = Protocols.Select((protocol, i) => new { id = $"panel-{i}", protocol, port = field.PanelPorts[i], pollIntervalSeconds = 5 }),
            cameras = field.Cameras.Select((camera, i) => new
            {
                deviceId = $"cam-{i:00}",
                kind = "camera",
                host = "127.0.0.1",
                rtspPort = camera.RtspPort,
                rtspPath = "/stream1",
                onvifPort = camera.OnvifPort,
                intervalSeconds = 10,
            }),
        }));

        var start = new ProcessStartInfo(executable, ["--config", configPath, "--simulate-board"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var unitEnvironment = SystemdUnit.Environment(Path.Combine(BenchSupport.RepositoryRoot(), "hardware", "systemd", "aftersales-gateway.service"));
        foreach (var (name, value) in unitEnvironment)
        {
            start.Environment[name] = value;
        }

        Console.WriteLine($"gateway: {executable}, environment from the systemd unit: {string.Join(' ', unitEnvironment.Select(e => $"{e.Key}={e.Value}"))}");
        var gateway = Process.Start(start)!;
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

            // A NativeAOT build (-p:PublishProfile=aot) has no runtime library beside it.
            var build = File.Exists(Path.Combine(Path.GetDirectoryName(executable)!, "libcoreclr.so")) ? "JIT" : "NativeAOT";
            Console.WriteLine($"gateway resident memory  ({Inputs} inputs, {Protocols.Length} panels, {Cameras} cameras, {build}), after 15 s of input changes: {steady}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gateway resident memory  after a 2000-event burst through the outbox, at {seconds} s: {Breakdown(gateway.Id)}, peak sampled {peakKb / 1024.0:F1} MB"));
        }
        finally
        {
            BenchSupport.Stop(gateway);
            BenchSupport.Stop(broker);
            await field.DisposeAsync();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The gateway as the board build makes it, with the simulated board, for this machine's processor.</summary>
    private static async Task<string> PublishBoardBuildAsync(string output)
    {
        var project = Path.Combine(BenchSupport.RepositoryRoot(), "src", "Gateway", "Simulation");
        string[] arguments = ["publish", project, "-p:PublishProfile=board", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output];
        Console.WriteLine($"dotnet {string.Join(' ', arguments)}");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"publishing the board build failed:\n{log}");
        }

        return Path.Combine(output, "AfterSales.Gateway.Simulation");
    }

    /// <summary>RSS, and how much of it is anonymous (heap, stacks), mapped files (runtime and assemblies), or JIT code (memfd).</summary>
    private static string Breakdown(int pid) => string.Create(CultureInfo.InvariantCulture,
        $"RSS {StatusKb(pid, "VmRSS") / 1024.0:F1} MB (anon {StatusKb(pid, "RssAnon") / 1024.0:F1}, files {StatusKb(pid, "RssFile") / 1024.0:F1}, shmem {StatusKb(pid, "RssShmem") / 1024.0:F1})");

    private static long StatusKb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
