namespace AfterSales.Gateway.Cameras;

/// <summary>The <c>detail</c> of a camera fault: what each check saw in the round that decided it.</summary>
internal sealed record CameraFaultDetail(string Host, string? Ping, string? Rtsp, string? Onvif, double? ClockDriftSeconds);
