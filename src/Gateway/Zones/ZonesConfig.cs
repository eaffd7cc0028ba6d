namespace AfterSales.Gateway.Zones;

/// <summary>The MCP3008 reading end-of-line-resistor zones (<c>zones</c> in gateway.json).</summary>
internal sealed record ZonesConfig
{
    public int SpiBus { get; set; }

    public int ChipSelect { get; set; }

    /// <summary>1 MHz keeps well inside the MCP3008's 1.35 MHz limit at 2.7 V and its sample time on long leads.</summary>
    public int ClockHz { get; set; } = 1_000_000;

    /// <summary>The voltage on the chip's VREF pin, which is also the loop pull-up supply.</summary>
    public double ReferenceVolts { get; set; } = 3.3;

    public int PollIntervalMilliseconds { get; set; } = 100;

    public ZoneBands Bands { get; set; } = new();

    public IReadOnlyList<ZoneConfig> Channels { get; set; } = [];

    internal TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMilliseconds);
}
