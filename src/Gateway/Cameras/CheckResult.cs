namespace AfterSales.Gateway.Cameras;

/// <summary>
/// One check of one device. <see cref="Answered"/>: something on the device spoke (a ping reply, any
/// RTSP or HTTP answer, even a 401 or garbage); <see cref="Passed"/>: the check's own goal was met.
/// </summary>
internal sealed record CheckResult(bool Answered, bool Passed, string Summary)
{
    /// <summary>Device clock minus gateway clock, when the ONVIF check read the device's clock.</summary>
    public TimeSpan? ClockDrift { get; init; }

    public static CheckResult Silent(string summary) => new(false, false, summary);

    public static CheckResult Failed(string summary) => new(true, false, summary);

    public static CheckResult Ok(string summary) => new(true, true, summary);
}
