using System.Text;
using System.Text.Json;
using AfterSales.Gateway.Faults;
using AfterSales.Protocol.Panels;

namespace AfterSales.Gateway.Decode;

/// <summary>
/// <c>decode</c>: a field technician pastes one frame from a panel log and reads what it says. Framing, checksums,
/// lengths and decryption are checked; the DC-09 timestamp window is not, because the log is read after the fact.
/// </summary>
internal static class DecodeCommand
{
    public const string Verb = "decode";
    public const int Valid = 0;
    public const int InvalidFrame = 1;
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!DecodeArguments.TryParse(args, out var parsed, out var problem))
        {
            error.WriteLine($"{problem}\n{DecodeArguments.Usage}");
            return UsageError;
        }

        var result = PanelFrameDecoder.Decode(parsed.Protocol, parsed.Frame, parsed.Key);
        output.WriteLine(ToJson(parsed.Protocol, result));
        return result.Valid ? Valid : InvalidFrame;
    }

    /// <summary>
    /// Fields keep wire order at the top level; a name that repeats (several DC-09 x-data blocks) becomes an array
    /// so the object stays valid JSON.
    /// </summary>
    public static string ToJson(string protocol, PanelDecodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("protocol", protocol);
            json.WriteBoolean("valid", result.Valid);
            if (!result.Valid)
            {
                json.WriteString("error", result.Error);
            }

            foreach (var group in result.Fields.GroupBy(f => f.Key, StringComparer.Ordinal))
            {
                var values = group.Select(f => f.Value).ToList();
                json.WritePropertyName(group.Key);
                if (values.Count == 1)
                {
                    WriteValue(json, values[0]);
                    continue;
                }

                json.WriteStartArray();
                values.ForEach(v => WriteValue(json, v));
                json.WriteEndArray();
            }

            json.WriteStartArray("faults");
            foreach (var fault in result.Faults)
            {
                json.WriteStartObject();
                json.WriteString("fault", fault.Fault);
                json.WriteString("state", FaultStateNames.Of(fault.State));
                json.WriteString("deviceId", fault.DeviceId);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Flags print as JSON booleans; everything else stays a string, because "008" and "08" differ on the wire.</summary>
    private static void WriteValue(Utf8JsonWriter json, string value)
    {
        switch (value)
        {
            case "true":
                json.WriteBooleanValue(true);
                break;
            case "false":
                json.WriteBooleanValue(false);
                break;
            default:
                json.WriteStringValue(value);
                break;
        }
    }
}
