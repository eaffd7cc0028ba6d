using System.Buffers;
using System.Diagnostics;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;

namespace AfterSales.Gateway.Tests.Simulation;

/// <summary><c>--simulate</c> as a demo user runs it: the real binary, simulated panel and PTZ heads behind socat, commands on stdin.</summary>
public sealed class SimulatedFieldProcessTests
{
    [Fact]
    public async Task Simulate_PanelAndPtzCommandsOnStdin_FaultsArriveOnTheBroker()
    {
        using var directory = new TempDirectory();
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Events("site-001"));
        var configPath = directory.File("gateway.json");
        await File.WriteAllTextAsync(configPath, $$"""
            {
              "siteId": "site-001", "gatewayId": "gw-001", "stateDirectory": "{{directory.Path}}",
              "broker": { "host": "127.0.0.1", "port": {{broker.Port}} },
              "panels": [ { "id": "alarm-panel", "protocol": "paradox-prt3", "port": "/dev/not-used-in-simulation", "pollIntervalSeconds": 1 } ],
              "ptz": { "port": "/dev/not-used-either", "pollIntervalSeconds": 3, "responseTimeoutMilliseconds": 1000, "missedPollsBeforeFault": 1,
                       "heads": [ { "id": "ptz-gate", "address": 1 }, { "id": "ptz-yard", "address": 2 } ] }
            }
            """);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "AfterSales.Gateway.Simulation.dll"), "--config", configPath, "--simulate" })
        {
            info.ArgumentList.Add(arg);
        }

        using var gateway = Process.Start(info)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        gateway.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        gateway.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? string.Empty);
        gateway.BeginOutputReadLine();
        gateway.BeginErrorReadLine();
        try
        {
            await Eventually.TrueAsync(() => log.Any(l => l.Contains("Panel alarm-panel: connected", StringComparison.Ordinal)), "the panel session to connect:\n" + string.Join('\n', log));

            await gateway.StandardInput.WriteLineAsync("panel alarm-panel tamper on");
            var tamper = Decode(await cloud.NextAsync(m => Decode(m).DeviceId == "alarm-panel"));
            await gateway.StandardInput.WriteLineAsync("ptz 2 silent on");
            // Only the silenced head: on a loaded machine the answering head may miss a poll too, which is the fault working, not this test's subject.
            var silent = Decode(await cloud.NextAsync(m => Decode(m).DeviceId == "ptz-yard"));
            await gateway.StandardInput.WriteLineAsync("quit");
            await gateway.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal((FaultCodes.PanelTamper, FaultState.Raised), (tamper.Fault, tamper.State));
            Assert.Equal((FaultCodes.PtzNoResponse, FaultState.Raised), (silent.Fault, silent.State));
            Assert.Equal(0, gateway.ExitCode);
        }
        finally
        {
            if (!gateway.HasExited)
            {
                gateway.Kill(entireProcessTree: true);
            }
        }
    }

    private static Protocol.Contracts.FaultEvent Decode(MQTTnet.MqttApplicationMessage message) =>
        PayloadCodec.DecodeFaultEvent(message.Payload.ToArray()).Value!;
}
