using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>A real Mosquitto broker process on a free loopback port, with the listener configuration a test gives.</summary>
internal sealed class MosquittoProcess : IDisposable
{
    public const string Binary = "/usr/sbin/mosquitto";

    private readonly Process _process;

    private MosquittoProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary><paramref name="listenerSettings"/> go under <c>listener PORT 127.0.0.1</c>.</summary>
    public static async Task<MosquittoProcess> StartAsync(TempDirectory directory, string listenerSettings)
    {
        Assert.True(File.Exists(Binary), $"{Binary} not found: install mosquitto (see .ci/run)");
        var port = FreePort();
        var config = directory.File("mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {port} 127.0.0.1\n{listenerSettings}\n");
        var info = new ProcessStartInfo(Binary, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        var broker = new MosquittoProcess(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!CanConnect(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "not listening after 20 s";
                broker.Dispose();
                Assert.Fail($"mosquitto did not start: {error}");
            }

            await Task.Delay(50);
        }

        return broker;
    }

    /// <summary>Mosquitto's password file for these users, written by its own <c>mosquitto_passwd</c>.</summary>
    public static async Task CreatePasswordFileAsync(string path, params (string User, string Password)[] users)
    {
        foreach (var (user, password) in users)
        {
            string[] args = File.Exists(path) ? ["-b", path, user, password] : ["-b", "-c", path, user, password];
            using var tool = Process.Start(new ProcessStartInfo("mosquitto_passwd", args) { RedirectStandardError = true })!;
            await tool.WaitForExitAsync();
            Assert.True(tool.ExitCode == 0, "mosquitto_passwd failed: " + await tool.StandardError.ReadToEndAsync());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool CanConnect(int port)
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
}
