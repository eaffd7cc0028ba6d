using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AfterSales.Gateway.Inputs;

namespace AfterSales.Gateway.Simulation;

/// <summary>One line typed on standard input in <c>--simulate</c> mode: <c>fault 17</c>, <c>normal 17</c>, <c>burst 1000</c> or <c>quit</c>.</summary>
internal sealed record SimulationCommand(bool Quit, int Pin, InputCondition Condition, int Burst = 0)
{
    public const string Help = "commands: 'fault <pin>', 'normal <pin>', 'burst <count>', 'quit'";

    public static bool TryParse(string line, [NotNullWhen(true)] out SimulationCommand? command, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        command = null;
        error = null;
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words is ["quit"])
        {
            command = new SimulationCommand(true, -1, InputCondition.Normal);
            return true;
        }

        if (words is ["burst", var countText])
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                error = $"'{countText}' is not a positive event count";
                return false;
            }

            command = new SimulationCommand(false, -1, InputCondition.Normal, count);
            return true;
        }

        if (words is [var verb, var pinText] && verb is "fault" or "normal")
        {
            if (!int.TryParse(pinText, NumberStyles.None, CultureInfo.InvariantCulture, out var pin))
            {
                error = $"'{pinText}' is not a pin number";
                return false;
            }

            command = new SimulationCommand(false, pin, verb == "fault" ? InputCondition.Fault : InputCondition.Normal);
            return true;
        }

        error = $"unknown command '{line.Trim()}'; {Help}";
        return false;
    }
}
