namespace AfterSales.Gateway.Panels;

/// <summary>One alarm panel (or receiver) on a serial port of the gateway: <c>panels[]</c> in gateway.json.</summary>
internal sealed record PanelConfig
{
    /// <summary>The panel's device id; its zones become <c>{id}.zone-012</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary><c>dsc-it100</c>, <c>ad2</c>, <c>paradox-prt3</c> or <c>contact-id</c>.</summary>
    public string Protocol { get; set; } = string.Empty;

    /// <summary>The serial device, e.g. <c>/dev/ttyUSB0</c> or a udev alias such as <c>/dev/aftersales-panel</c>.</summary>
    public string Port { get; set; } = string.Empty;

    /// <summary>Null uses the protocol's factory default.</summary>
    public int? BaudRate { get; set; }

    public double PollIntervalSeconds { get; set; } = 10;

    /// <summary>Poll intervals without one good frame before <c>panel.comm_fail</c>; 0 turns the check off. Null uses the protocol's default.</summary>
    public int? MissedPollsBeforeFault { get; set; }

    // A method, not a property: a read-only property named like a JSON field would silently swallow that field.
    public TimeSpan PollInterval() => TimeSpan.FromSeconds(PollIntervalSeconds);
}
