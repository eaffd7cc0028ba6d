using AfterSales.Protocol.Faults;
using static AfterSales.Gateway.Validation.FieldRules;

namespace AfterSales.Gateway.Inputs;

/// <summary>Checks <c>inputs[]</c>: each contact complete and known, pins unique, one input per fault of a device.</summary>
internal static class InputsConfigValidator
{
    public static string? Validate(IReadOnlyList<InputConfig> inputs)
    {
        var pins = new Dictionary<int, int>();
        var faults = new Dictionary<(string, string), int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var at = $"inputs[{i}]";
            var problem = ValidateInput(input, at);
            if (problem is not null)
            {
                return problem;
            }

            if (!pins.TryAdd(input.Pin, i))
            {
                return $"{at}.pin {input.Pin} is already used by inputs[{pins[input.Pin]}]";
            }

            // Two inputs reporting the same fault of the same device would raise and clear each other's ticket.
            if (!faults.TryAdd((input.DeviceId, input.Fault), i))
            {
                return $"{at}.fault '{input.Fault}' of device '{input.DeviceId}' is already reported by inputs[{faults[(input.DeviceId, input.Fault)]}]";
            }
        }

        return null;
    }

    private static string? ValidateInput(InputConfig input, string at)
    {
        if (input.Pin < 0)
        {
            return $"{at}.pin is missing or negative";
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return $"{at}.name is missing";
        }

        var problem = DeviceId(input.DeviceId, $"{at}.deviceId");
        if (problem is not null)
        {
            return problem;
        }

        if (!Enum.IsDefined(input.DeviceKind))
        {
            return $"{at}.deviceKind is not a known device kind";
        }

        if (!Enum.IsDefined(input.Contact))
        {
            return $"{at}.contact must be 'normallyClosed' or 'normallyOpen'";
        }

        if (string.IsNullOrEmpty(input.Fault))
        {
            return $"{at}.fault is missing";
        }

        // A well-formed code newer than this build's taxonomy is allowed, but only the operator can say how bad it is.
        if (!FaultCodes.IsKnown(input.Fault) && !(FaultCodes.IsWellFormed(input.Fault) && input.Severity is not null))
        {
            return FaultCodes.IsWellFormed(input.Fault)
                ? $"{at}.fault '{input.Fault}' is not a known fault code (give {at}.severity to use a new code)"
                : $"{at}.fault '{input.Fault}' is not a known fault code";
        }

        if (input.Severity is { } s && !Enum.IsDefined(s))
        {
            return $"{at}.severity must be 'critical', 'major' or 'minor'";
        }

        return input.DebounceMilliseconds is < 0 or > 60_000
            ? $"{at}.debounceMilliseconds must be between 0 and 60000"
            : null;
    }
}
