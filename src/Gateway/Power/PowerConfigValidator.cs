using AfterSales.Gateway.Inputs;
using AfterSales.Protocol.Faults;
using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Power;

/// <summary>Checks the <c>power</c> section; returns the first problem as "power.field: reason", or null.</summary>
internal static class PowerConfigValidator
{
    public static string? Validate(PowerConfig? p, IReadOnlyList<InputConfig> inputs)
    {
        if (p is null)
        {
            return null;
        }

        var problem = DeviceId(p.DeviceId, "power.deviceId");
        if (problem is not null)
        {
            return problem;
        }

        // Two sources of the same fault of the same device would raise and clear each other's ticket.
        var relay = inputs.ToList().FindIndex(i => i.DeviceId == p.DeviceId && i.Fault == FaultCodes.PowerMainsLoss);
        if (p.DetectMainsLoss && relay >= 0)
        {
            return Text($"power.detectMainsLoss must be false while inputs[{relay}] reports power.mains_loss for device '{p.DeviceId}' (use one source)");
        }

        return Range(p.I2cBus, 0, 255, "power.i2cBus")
            ?? Range(p.Address, 0x40, 0x4F, "power.address")
            ?? (p.ShuntOhms is > 0 and <= 10 ? null : Text($"power.shuntOhms {p.ShuntOhms} must be above 0 and at most 10"))
            ?? (p.MaxCurrentAmps > 0 && p.MaxCurrentAmps * p.ShuntOhms <= 0.32 + 1e-9
                ? null
                : Text($"power.maxCurrentAmps {p.MaxCurrentAmps} must be above 0 and drop at most 0.32 V across power.shuntOhms {p.ShuntOhms}"))
            ?? Range(p.IntervalMilliseconds, 100, 60_000, "power.intervalMilliseconds")
            ?? Range(p.HoldSeconds, 0, 3600, "power.holdSeconds")
            ?? Band(p.MainsLossBelowVolts, p.MainsRestoredAboveVolts, "power.mainsLossBelowVolts", "power.mainsRestoredAboveVolts")
            ?? Band(p.UndervoltageBelowVolts, p.UndervoltageRestoredAboveVolts, "power.undervoltageBelowVolts", "power.undervoltageRestoredAboveVolts")
            ?? (p.UndervoltageBelowVolts < p.MainsLossBelowVolts
                ? null
                : Text($"power.undervoltageBelowVolts {p.UndervoltageBelowVolts} must be below power.mainsLossBelowVolts {p.MainsLossBelowVolts}"));
    }

    private static string? Band(double below, double above, string belowField, string aboveField)
    {
        if (below is <= 0 or > 32)
        {
            return Text($"{belowField} {below} must be above 0 and at most 32 (the INA219's bus range)");
        }

        return above > below && above <= 32
            ? null
            : Text($"{aboveField} {above} must be above {belowField} {below} (the gap is the hysteresis) and at most 32");
    }
}
