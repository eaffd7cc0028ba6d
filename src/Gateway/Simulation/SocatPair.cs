using System.Diagnostics;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// A pseudo-terminal pair made by socat: whatever is written to one end comes out of the other, exactly like a null-modem
/// cable. The two ends appear as symlinks at the paths given, and vanish when socat stops (a cable pulled).
/// </summary>
internal sealed class SocatPair : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(10);

    private Process? _process;

    public SocatPair(string gatewayEnd, string deviceEnd)
    {
        GatewayEnd = gatewayEnd;
        DeviceEnd = deviceEnd;
    }

    public string GatewayEnd { get; }

    public string DeviceEnd { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Whether socat can be run here; --simulate falls back to no simulated panels without it.</summary>
    public static bool IsAvailable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, "socat")));

    /// <summary>Starts socat and waits until both ends exist. Throws <see cref="IOException"/> when they never appear.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo("socat") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={GatewayEnd}", $"pty,raw,echo=0,link={DeviceEnd}" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new IOException("socat did not start");

        // socat reports on stderr; drained so a chatty -d -d can never fill the pipe and stall it.
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();

        // Real I/O, not a timer: socat creates the links a few milliseconds after it starts.
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(GatewayEnd) && File.Exists(DeviceEnd)))
        {
            if (deadline.Elapsed > StartPatience || _process.HasExited)
            {
                Stop();
                throw new IOException($"socat did not create {GatewayEnd} and {DeviceEnd}");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Stops socat as a pulled cable would: both ends vanish. Waits until they have.</summary>
    public void Stop()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        _process = null;

        // socat removes its links on SIGTERM but not on SIGKILL; a real unplug removes the node, so do the same.
        File.Delete(GatewayEnd);
        File.Delete(DeviceEnd);
    }

    public void Dispose() => Stop();
}
