namespace AfterSales.Gateway.Cameras;

/// <summary>The results of one round of checks on one device; null where that check is turned off.</summary>
internal sealed record CameraRound(CheckResult? Ping, CheckResult? Rtsp, CheckResult? Onvif)
{
    /// <summary>Any sign of life: a device that answers anything is not offline, whatever else is wrong.</summary>
    public bool Reachable => Ping?.Answered == true || Rtsp?.Answered == true || Onvif?.Answered == true;
}
