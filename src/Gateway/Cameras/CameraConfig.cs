namespace AfterSales.Gateway.Cameras;

/// <summary>One IP camera or recorder on the site LAN and how it is checked (<c>cameras[]</c> in gateway.json).</summary>
internal sealed record CameraConfig
{
    public string DeviceId { get; set; } = string.Empty;

    public CameraKind Kind { get; set; } = CameraKind.Camera;

    public string Host { get; set; } = string.Empty;

    /// <summary>Whether to ping the host; off where the site firewall drops ICMP, or the device ignores it.</summary>
    public bool Icmp { get; set; } = true;

    /// <summary>0 turns the RTSP check off.</summary>
    public int RtspPort { get; set; } = 554;

    public string RtspPath { get; set; } = "/";

    /// <summary>0 turns the ONVIF check (liveness and clock drift) off.</summary>
    public int OnvifPort { get; set; } = 80;

    public string OnvifPath { get; set; } = "/onvif/device_service";

    public string? Username { get; set; }

    /// <summary>Never logged. A 401 answer already proves the stream server alive, so credentials are optional.</summary>
    public string? Password { get; set; }

    public int IntervalSeconds { get; set; } = 60;

    /// <summary>How long each single check may take before it counts as a miss.</summary>
    public int TimeoutMilliseconds { get; set; } = 3000;

    public int MissesBeforeFault { get; set; } = 3;

    /// <summary>Consecutive good checks before a raised fault is cleared; above 1 keeps a flapping camera to one ticket.</summary>
    public int PassesBeforeClear { get; set; } = 1;

    public int MaxClockDriftSeconds { get; set; } = 30;

    internal TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    internal TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    internal TimeSpan MaxClockDrift => TimeSpan.FromSeconds(MaxClockDriftSeconds);

    // Records print every property; keep the password out of any accidental log line.
    public override string ToString() => $"{Kind} {DeviceId} at {Host} (RTSP {RtspPort}, ONVIF {OnvifPort})";
}
