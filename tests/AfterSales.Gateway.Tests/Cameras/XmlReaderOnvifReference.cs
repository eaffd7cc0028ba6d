using System.Globalization;
using System.Xml;

namespace AfterSales.Gateway.Tests.Cameras;

/// <summary>
/// The gateway's ONVIF time parser as it was on <c>System.Xml</c>'s <c>XmlReader</c>, kept here as the reference the
/// gateway's own <see cref="AfterSales.Gateway.Cameras.SoapXmlScanner"/>-based parser must agree with (the board build
/// dropped System.Xml for memory, docs/benchmarks.md). Reads the device's UTC clock from an ONVIF <c>GetSystemDateAndTimeResponse</c>
/// (<c>tt:UTCDateTime/tt:Date</c> and <c>tt:Time</c>), or says why it cannot: a SOAP fault, no
/// UTC time, fields out of range, or not XML at all. Pure; DTDs are refused so a hostile device
/// cannot make the gateway expand entities. A forward-only reader: no document tree is built.
/// </summary>
internal static class XmlReaderOnvifReference
{
    private const string Schema = "http://www.onvif.org/ver10/schema";
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 256 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static bool TryParse(string xml, out DateTimeOffset utc, out string error)
    {
        utc = default;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "Fault")
                {
                    error = $"SOAP fault: {FaultReason(reader)}";
                    return false;
                }

                if (reader.LocalName == "UTCDateTime" && reader.NamespaceURI == Schema)
                {
                    return TryReadTime(ReadFields(reader), out utc, out error);
                }
            }
        }
        catch (XmlException ex)
        {
            error = $"not XML: {ex.Message}";
            return false;
        }

        error = "the answer holds no tt:UTCDateTime";
        return false;
    }

    /// <summary>The fault's human-readable <c>Text</c>, or all its text when it has none.</summary>
    private static string FaultReason(XmlReader fault)
    {
        using var subtree = fault.ReadSubtree();
        string? text = null;
        var all = new List<string>();
        while (subtree.Read())
        {
            if (subtree.NodeType == XmlNodeType.Element && subtree.LocalName == "Text" && text is null)
            {
                text = subtree.ReadElementContentAsString();
                all.Add(text);
                continue;
            }

            if (subtree.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                all.Add(subtree.Value);
            }
        }

        return (text ?? string.Concat(all)).Trim();
    }

    /// <summary>"Date.Year" → " 2025 " for the direct children of tt:Date and tt:Time.</summary>
    private static Dictionary<string, string> ReadFields(XmlReader utcDateTime)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using var subtree = utcDateTime.ReadSubtree();
        var parent = string.Empty;
        subtree.Read();
        while (!subtree.EOF)
        {
            if (subtree.NodeType == XmlNodeType.Element && subtree.NamespaceURI == Schema)
            {
                if (subtree.Depth == 1)
                {
                    parent = subtree.LocalName;
                }
                else if (subtree.Depth == 2)
                {
                    fields.TryAdd($"{parent}.{subtree.LocalName}", subtree.ReadElementContentAsString());
                    continue;
                }
            }

            subtree.Read();
        }

        return fields;
    }

    private static bool TryReadTime(Dictionary<string, string> fields, out DateTimeOffset utc, out string error)
    {
        utc = default;
        int? Field(string name) =>
            fields.TryGetValue(name, out var text) && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        if (Field("Date.Year") is not { } year || Field("Date.Month") is not { } month || Field("Date.Day") is not { } day
            || Field("Time.Hour") is not { } hour || Field("Time.Minute") is not { } minute || Field("Time.Second") is not { } second)
        {
            error = "tt:UTCDateTime lacks a Year, Month, Day, Hour, Minute or Second";
            return false;
        }

        try
        {
            // A leap second (60) is legal in xs:time; fold it into the next minute rather than reject the reading.
            utc = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero).AddSeconds(second > 59 ? 1 : 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"tt:UTCDateTime {year}-{month}-{day} {hour}:{minute}:{second} is not a valid date and time");
            return false;
        }

        error = string.Empty;
        return true;
    }
}
