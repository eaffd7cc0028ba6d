using System.Diagnostics;
using System.Text;

namespace AfterSales.EndToEnd.Tests;

/// <summary>A real child process whose output is kept for failure messages; killed with its tree on dispose.</summary>
internal sealed class ChildProcess : IDisposable
{
    private const int MaxBufferedChars = 200_000;
    private readonly Process process;
    // Lines, not one string: dropping the oldest is O(1), so a process printing 20 000 lines stays cheap to follow.
    private readonly Queue<string> output = new();
    private int outputChars;
    private readonly Lock gate = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>SIGTERM, as systemd or a broker's operator stops a service: it may save its state first.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(patience.Token);
    }

    /// <summary>Sends a signal by name (HUP: a daemon reads its files again).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var patience = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(patience.Token);
    }

    /// <summary><paramref name="onLine"/> sees every output line, also those the kept tail has dropped.</summary>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, bool redirectInput = false, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, onLine);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Output
    {
        get
        {
            lock (gate)
            {
                var text = new StringBuilder(outputChars + output.Count);
                foreach (var line in output)
                {
                    text.Append(line).Append('\n');
                }

                return text.ToString();
            }
        }
    }

    public string Tail(int lines = 60)
    {
        var all = Output.Split('\n');
        var tail = string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        var status = process.HasExited ? $"exited with {process.ExitCode}" : "running";
        return $"--- {Name} ({status}), last {lines} lines ---\n{tail}";
    }

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(string? line, Action<string>? onLine)
    {
        if (line is null)
        {
            return;
        }

        onLine?.Invoke(line);

        lock (gate)
        {
            output.Enqueue(line);
            outputChars += line.Length;
            while (outputChars > MaxBufferedChars)
            {
                outputChars -= output.Dequeue().Length;
            }
        }
    }
}
