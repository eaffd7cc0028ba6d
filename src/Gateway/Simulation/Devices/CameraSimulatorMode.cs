using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>How a simulated camera behaves on its RTSP and ONVIF ports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CameraSimulatorMode>))]
internal enum CameraSimulatorMode
{
    /// <summary>OPTIONS 200, DESCRIBE 200 with SDP, ONVIF time (shifted by the clock offset).</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy,

    /// <summary>DESCRIBE answers 401 with a Digest challenge until the request carries the simulator's credentials.</summary>
    [JsonStringEnumMemberName("unauthorized")]
    Unauthorized,

    /// <summary>The server is up but DESCRIBE answers 503: the encoder or the recorder channel has no stream.</summary>
    [JsonStringEnumMemberName("streamDown")]
    StreamDown,

    /// <summary>Both ports refuse connections, as a rebooting or unplugged device's address would.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>Connections are accepted but nothing is ever answered: a hung device.</summary>
    [JsonStringEnumMemberName("silent")]
    Silent,

    /// <summary>Both ports answer bytes that are neither RTSP nor HTTP, then close.</summary>
    [JsonStringEnumMemberName("garbage")]
    Garbage,
}
