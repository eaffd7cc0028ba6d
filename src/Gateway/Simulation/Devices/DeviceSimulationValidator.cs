using System.Net;
using AfterSales.Gateway.Configuration;
using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>Checks <c>simulation.cameras</c>, <c>supply</c> and <c>zones</c> against the devices they drive.</summary>
internal static class DeviceSimulationValidator
{
    public static string? Validate(DeviceScript sim, GatewayConfig c)
    {
        for (var i = 0; i < sim.Cameras.Count; i++)
        {
            var step = sim.Cameras[i];
            var at = Text($"simulation.cameras[{i}]");
            var camera = c.Cameras.FirstOrDefault(x => x.DeviceId == step.DeviceId);
            var problem = Timing(step.AtSeconds, sim.RepeatEverySeconds, at)
                ?? (camera is null ? $"{at}.deviceId '{step.DeviceId}' is not one of the configured cameras" : null)
                ?? (camera is not null && !IsLoopback(camera.Host) ? $"{at}.deviceId '{step.DeviceId}' has host '{camera.Host}'; only cameras on a loopback address can be simulated" : null)
                ?? (Enum.IsDefined(step.Mode) ? null : $"{at}.mode must be healthy, unauthorized, streamDown, closed, silent or garbage")
                ?? (Math.Abs(step.ClockOffsetSeconds) <= 1e6 ? null : $"{at}.clockOffsetSeconds must be within ±1000000");
            if (problem is not null)
            {
                return problem;
            }
        }

        for (var i = 0; i < sim.Supply.Count; i++)
        {
            var step = sim.Supply[i];
            var at = Text($"simulation.supply[{i}]");
            var problem = Timing(step.AtSeconds, sim.RepeatEverySeconds, at)
                ?? (c.Power is null ? $"{at} needs a power section to simulate" : null)
                ?? (step.Volts is >= 0 and <= 32 ? null : Text($"{at}.volts {step.Volts} must be between 0 and 32"));
            if (problem is not null)
            {
                return problem;
            }
        }

        for (var i = 0; i < sim.Zones.Count; i++)
        {
            var step = sim.Zones[i];
            var at = Text($"simulation.zones[{i}]");
            var problem = Timing(step.AtSeconds, sim.RepeatEverySeconds, at)
                ?? (c.Zones?.Channels.Any(z => z.DeviceId == step.DeviceId) == true ? null : $"{at}.deviceId '{step.DeviceId}' is not one of zones.channels")
                ?? (Enum.IsDefined(step.State) ? null : $"{at}.state must be normal, alarm, tamper, shortCircuit or openCircuit");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    public static bool IsLoopback(string host) => IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);

    private static string? Timing(double atSeconds, double repeat, string at) =>
        atSeconds < 0 ? $"{at}.atSeconds must not be negative"
        : repeat > 0 && atSeconds >= repeat ? Text($"{at}.atSeconds {atSeconds} must be less than simulation.repeatEverySeconds")
        : null;
}
