namespace AfterSales.Gateway.Zones;

/// <summary>One supervised zone loop on an MCP3008 channel (<c>zones.channels[]</c>).</summary>
internal sealed record ZoneConfig
{
    /// <summary>-1 stands for "not given" so the validator can name the missing field.</summary>
    public int Channel { get; set; } = -1;

    public string DeviceId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int DebounceMilliseconds { get; set; } = 500;

    internal TimeSpan Debounce => TimeSpan.FromMilliseconds(DebounceMilliseconds);
}
