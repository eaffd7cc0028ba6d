using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// A real Mosquitto as a production AfterSales deployment runs it (docs/ingest.md, "Several nodes"):
/// never anonymous (the password and ACL files the cloud's <c>mosquitto-files</c> command writes),
/// sessions and their queued messages kept across a restart, and no cap on what is queued for a
/// slow subscriber (the cloud), which would drop events. <paramref name="extraSettings"/> are more
/// lines of mosquitto.conf (a benchmark raises <c>max_inflight_messages</c>).
/// </summary>
internal sealed class MosquittoServer(int port, string authDirectory, string workDirectory, string extraSettings = "") : IDisposable
{
    public const string ExecutablePath = "/usr/sbin/mosquitto";

    private ChildProcess? process;

    public int Port => port;

    /// <summary>Starts the broker (again, on the same port and persistence) and waits until it listens.</summary>
    public async Task StartAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} not found: install mosquitto (see .ci/run)");
        var configPath = Path.Combine(workDirectory, "mosquitto.conf");

        // Mosquitto started as root would drop to its own user, which cannot read our files; `user`
        // keeps it as whoever runs the test (ignored when that is not root).
        File.WriteAllText(configPath, $"""
            listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1
            allow_anonymous false
            password_file {Path.Combine(authDirectory, "passwd")}
            acl_file {Path.Combine(authDirectory, "acl")}
            user {Environment.UserName}
            persistence true
            persistence_location {DataDirectory()}/
            max_queued_messages 0
            {extraSettings}
            """);
        process?.Dispose();
        process = ChildProcess.Start("mosquitto", ExecutablePath, ["-c", configPath]);
        var listening = await Poll.UntilAsync(() => Task.FromResult(process.HasExited || CanConnect(port)));
        Assert.True(listening && !process.HasExited, "mosquitto did not start listening.\n" + process.Tail());
    }

    /// <summary>Stops the broker the way its service manager would (SIGTERM: it saves its persistent sessions).</summary>
    public async Task StopAsync()
    {
        var broker = process ?? throw new InvalidOperationException("mosquitto is not running.");
        await broker.TerminateAsync();
        process = null;
        broker.Dispose();
    }

    /// <summary>Makes Mosquitto read its password and ACL files again, as <c>systemctl reload mosquitto</c> does.</summary>
    public Task ReloadAsync() => (process ?? throw new InvalidOperationException("mosquitto is not running.")).SignalAsync("HUP");

    public string Tail() => process?.Tail() ?? "(mosquitto not running)";

    public void Dispose()
    {
        process?.Dispose();
        try
        {
            if (Directory.Exists(DataDirectory()))
            {
                Directory.Delete(DataDirectory(), recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    public static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Outside the private temp folder: Mosquitto started as root drops to its own user, which cannot
    /// write there; it would fail to save its sessions and silently lose the queued events at a restart.
    /// </summary>
    private string DataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), Path.GetFileName(workDirectory) + "-broker");
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }

        return path;
    }
}
