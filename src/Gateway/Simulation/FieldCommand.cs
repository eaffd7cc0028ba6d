using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AfterSales.Gateway.Simulation.Panels;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// A command for the simulated field devices, typed on stdin or scripted in <c>simulation.steps[].command</c>:
/// <c>panel ID ac_loss|low_battery|tamper|zone_trouble on|off</c>, <c>panel ID silent on|off</c>,
/// <c>panel ID corrupt</c>, <c>ptz ADDRESS silent on|off</c>.
/// </summary>
internal sealed record FieldCommand(string Target, string Id, string Action, bool On)
{
    public const string Help = "'panel <id> ac_loss|low_battery|tamper|zone_trouble|silent on|off', 'panel <id> corrupt', 'ptz <address> silent on|off'";

    public static bool IsFieldCommand(string line) =>
        line.TrimStart().StartsWith("panel ", StringComparison.Ordinal) || line.TrimStart().StartsWith("ptz ", StringComparison.Ordinal);

    public static bool TryParse(string line, [NotNullWhen(true)] out FieldCommand? command, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        command = null;
        error = null;
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["panel", var id, "corrupt"]:
                command = new FieldCommand("panel", id, "corrupt", true);
                return true;
            case ["panel", var id, var action, "on" or "off"] when action is "silent" || TryTrouble(action, out _):
                command = new FieldCommand("panel", id, action, words[3] == "on");
                return true;
            case ["ptz", var address, "silent", "on" or "off"] when int.TryParse(address, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                command = new FieldCommand("ptz", address, "silent", words[3] == "on");
                return true;
            default:
                error = $"unknown command '{line.Trim()}'; {Help}";
                return false;
        }
    }

    public static bool TryTrouble(string action, out SimulatedTrouble trouble)
    {
        (var known, trouble) = action switch
        {
            "ac_loss" => (true, SimulatedTrouble.AcLoss),
            "low_battery" => (true, SimulatedTrouble.LowBattery),
            "tamper" => (true, SimulatedTrouble.Tamper),
            "zone_trouble" => (true, SimulatedTrouble.ZoneTrouble),
            _ => (false, default),
        };
        return known;
    }
}
