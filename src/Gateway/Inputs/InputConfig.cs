using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Inputs;

/// <summary>One dry contact wired to a GPIO pin and the fault it reports.</summary>
internal sealed record InputConfig
{
    /// <summary>-1 stands for "not given" so the validator can name the missing field.</summary>
    public int Pin { get; set; } = -1;

    public string Name { get; set; } = string.Empty;

    public string DeviceId { get; set; } = string.Empty;

    public required DeviceKind DeviceKind { get; set; }

    public string Fault { get; set; } = string.Empty;

    public required ContactType Contact { get; set; }

    public int DebounceMilliseconds { get; set; } = 200;

    /// <summary>Optional for known fault codes; the taxonomy's default applies.</summary>
    public FaultSeverity? Severity { get; set; }

    /// <summary>Only meaningful after validation, which guarantees a known code or an explicit severity.</summary>
    internal FaultSeverity EffectiveSeverity =>
        Severity ?? (FaultCodes.DefaultSeverities.TryGetValue(Fault, out var s) ? s : FaultSeverity.Major);

    internal TimeSpan Debounce => TimeSpan.FromMilliseconds(DebounceMilliseconds);
}
