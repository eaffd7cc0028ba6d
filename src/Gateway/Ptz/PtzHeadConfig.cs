namespace AfterSales.Gateway.Ptz;

internal sealed record PtzHeadConfig
{
    /// <summary>The head's device id, e.g. <c>ptz-gate</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The Pelco-D address set on the head's DIP switches, 1–255.</summary>
    public int Address { get; set; }
}
