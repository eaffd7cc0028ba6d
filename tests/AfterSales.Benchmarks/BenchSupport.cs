using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Benchmarks;

/// <summary>A real Mosquitto for the gateway benchmarks, and the little arithmetic they share.</summary>
internal static class BenchSupport
{
    public static async Task<(Process Broker, int Port)> StartMosquittoAsync(string directory, string extraSettings = "")
    {
        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\n{extraSettings}\n");
        var broker = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        for (var i = 0; i < 200 && !CanConnect(port); i++)
        {
            await Task.Delay(50);
        }

        return (broker, port);
    }

    /// <summary>
    /// The cloud's subscription to every site's events, as a deployed broker has it: without one Mosquitto answers
    /// PUBACK 0x10 "no matching subscribers", which the gateway rightly treats as not delivered.
    /// </summary>
    public static async Task<IMqttClient> SubscribeCloudAsync(int port)
    {
        var cloud = new MqttClientFactory().CreateMqttClient();
        await cloud.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-cloud").Build());
        await cloud.SubscribeAsync("aftersales/v1/sites/+/events", MqttQualityOfServiceLevel.AtLeastOnce);
        return cloud;
    }

    /// <summary>The checkout this benchmark was built from (the folder holding AfterSales.sln).</summary>
    public static string RepositoryRoot()
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

    public static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }

        process.Dispose();
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

    /// <summary>A benchmark MQTT client as the gateways connect: MQTT 5, a 60 s connect timeout.</summary>
    public static async Task<IMqttClient> ConnectAsync(int port, string clientId, string user, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port).WithClientId(clientId).WithCredentials(user, password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(60)).Build());
        return client;
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages: figures from a shared machine mean little without them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
