using System.Globalization;

namespace AfterSales.Protocol.Panels.PelcoD;

/// <summary>
/// Pelco-D for PTZ heads on RS-485. The gateway polls position with the extended queries 0x51/0x53/0x55
/// and a live head answers 0x59/0x5B/0x5D with the value in data1 (MSB) and data2 (LSB); silence is what
/// the gateway reports as <c>ptz.no_response</c>, so replies themselves carry no fault.
/// </summary>
public static class PelcoDCodec
{
    public const byte QueryPan = 0x51;
    public const byte QueryTilt = 0x53;
    public const byte QueryZoom = 0x55;
    public const byte PanResponse = 0x59;
    public const byte TiltResponse = 0x5B;
    public const byte ZoomResponse = 0x5D;

    /// <summary>Speeds go 0x00–0x3F; 0x40 is turbo pan.</summary>
    public const byte MaxSpeed = 0x3F;

    public static byte[] QueryPanPosition(byte address) => new PelcoDFrame(address, 0, QueryPan, 0, 0).ToBytes();

    public static byte[] QueryTiltPosition(byte address) => new PelcoDFrame(address, 0, QueryTilt, 0, 0).ToBytes();

    public static byte[] QueryZoomPosition(byte address) => new PelcoDFrame(address, 0, QueryZoom, 0, 0).ToBytes();

    public static byte[] Stop(byte address) => new PelcoDFrame(address, 0, 0, 0, 0).ToBytes();

    /// <summary>Pan and tilt at once; positive pan is right, positive tilt is up, magnitude is speed (clamped to 0x3F).</summary>
    public static byte[] PanTilt(byte address, int pan, int tilt)
    {
        byte command2 = 0;
        command2 |= pan > 0 ? (byte)0x02 : pan < 0 ? (byte)0x04 : (byte)0;
        command2 |= tilt > 0 ? (byte)0x08 : tilt < 0 ? (byte)0x10 : (byte)0;
        return new PelcoDFrame(address, 0, command2, Speed(pan), Speed(tilt)).ToBytes();
    }

    /// <summary>Decodes exactly one 7-byte frame; never throws.</summary>
    public static PanelDecodeResult Decode(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != PelcoDFrame.Length)
        {
            return PanelDecodeResult.Invalid($"a Pelco-D frame is 7 bytes, got {frame.Length}");
        }

        if (frame[0] != PelcoDFrame.Sync)
        {
            return PanelDecodeResult.Invalid("first byte must be 0xFF");
        }

        var value = new PelcoDFrame(frame[1], frame[2], frame[3], frame[4], frame[5]);
        var fields = new PanelFields()
            .Add("address", value.Address)
            .Add("command1", Hex(value.Command1))
            .Add("command2", Hex(value.Command2))
            .Add("data1", Hex(value.Data1))
            .Add("data2", Hex(value.Data2))
            .Add("checksum", Hex(frame[6]));
        if (frame[6] != value.Checksum)
        {
            return PanelDecodeResult.Invalid($"checksum mismatch: frame says {Hex(frame[6])}, content gives {Hex(value.Checksum)}", fields);
        }

        Describe(value, fields);
        return PanelDecodeResult.Ok(fields);
    }

    internal static void Describe(PelcoDFrame value, PanelFields fields)
    {
        var position = (value.Data1 << 8) | value.Data2;
        if (value.Command1 == 0 && (value.Command2 & 1) == 1)
        {
            var (name, positionField) = value.Command2 switch
            {
                QueryPan => ("query pan position", null),
                QueryTilt => ("query tilt position", null),
                QueryZoom => ("query zoom position", null),
                PanResponse => ("pan position response", "panCentidegrees"),
                TiltResponse => ("tilt position response", "tiltCentidegrees"),
                ZoomResponse => ("zoom position response", "zoomPosition"),
                _ => ("extended command", (string?)null),
            };
            fields.Add("command", name);
            if (positionField is not null)
            {
                fields.Add(positionField, position);
            }

            return;
        }

        if (value.Command1 == 0 && value.Command2 == 0)
        {
            fields.Add("command", "stop");
            return;
        }

        var actions = new List<string>();
        AddIf(actions, value.Command2, 0x02, "pan right");
        AddIf(actions, value.Command2, 0x04, "pan left");
        AddIf(actions, value.Command2, 0x08, "tilt up");
        AddIf(actions, value.Command2, 0x10, "tilt down");
        AddIf(actions, value.Command2, 0x20, "zoom tele");
        AddIf(actions, value.Command2, 0x40, "zoom wide");
        AddIf(actions, value.Command2, 0x80, "focus far");
        AddIf(actions, value.Command1, 0x01, "focus near");
        AddIf(actions, value.Command1, 0x02, "iris open");
        AddIf(actions, value.Command1, 0x04, "iris close");
        fields.Add("command", actions.Count == 0 ? "other" : string.Join(", ", actions))
            .Add("panSpeed", value.Data1)
            .Add("tiltSpeed", value.Data2);
    }

    private static void AddIf(List<string> actions, byte value, byte bit, string name)
    {
        if ((value & bit) != 0)
        {
            actions.Add(name);
        }
    }

    private static byte Speed(int value) => (byte)Math.Min(Math.Abs(value), MaxSpeed);

    private static string Hex(byte value) => value.ToString("X2", CultureInfo.InvariantCulture);
}
