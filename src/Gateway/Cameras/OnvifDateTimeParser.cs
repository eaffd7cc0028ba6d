using System.Globalization;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Reads the device's UTC clock from an ONVIF <c>GetSystemDateAndTimeResponse</c>
/// (<c>tt:UTCDateTime/tt:Date</c> and <c>tt:Time</c>), or says why it cannot: a SOAP fault, no
/// UTC time, fields out of range, or not XML at all. Pure; DTDs are refused so a hostile device
/// cannot make the gateway expand entities. A forward-only reader (<see cref="SoapXmlScanner"/>): no document tree is built.
/// </summary>
internal static class OnvifDateTimeParser
{
    private const string Schema = "http://www.onvif.org/ver10/schema";

    public static bool TryParse(string xml, out DateTimeOffset utc, out string error)
    {
        utc = default;
        try
        {
            var reader = new SoapXmlScanner(xml);
            while (reader.Read())
            {
                if (reader.Kind != SoapXmlScanner.Node.StartElement)
                {
                    continue;
                }

                if (reader.LocalName == "Fault")
                {
                    error = $"SOAP fault: {FaultReason(reader)}";
                    return false;
                }

                if (reader.LocalName == "UTCDateTime" && reader.NamespaceUri == Schema)
                {
                    return TryReadTime(ReadFields(reader), out utc, out error);
                }
            }
        }
        catch (FormatException ex)
        {
            error = $"not XML: {ex.Message}";
            return false;
        }

        error = "the answer holds no tt:UTCDateTime";
        return false;
    }

    /// <summary>The fault's human-readable <c>Text</c>, or all its text when it has none.</summary>
    private static string FaultReason(SoapXmlScanner fault)
    {
        var depth = fault.Depth;
        string? text = null;
        var all = new List<string>();
        while (fault.Read() && fault.Depth > depth)
        {
            if (fault.Kind == SoapXmlScanner.Node.StartElement && fault.LocalName == "Text" && text is null)
            {
                text = ElementContent(fault);
                all.Add(text);
                continue;
            }

            if (fault.Kind == SoapXmlScanner.Node.Text)
            {
                all.Add(fault.Text);
            }
        }

        return (text ?? string.Concat(all)).Trim();
    }

    /// <summary>"Date.Year" → " 2025 " for the direct children of tt:Date and tt:Time.</summary>
    private static Dictionary<string, string> ReadFields(SoapXmlScanner utcDateTime)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = utcDateTime.Depth;
        var parent = string.Empty;
        while (utcDateTime.Read() && utcDateTime.Depth > depth)
        {
            if (utcDateTime.Kind != SoapXmlScanner.Node.StartElement || utcDateTime.NamespaceUri != Schema)
            {
                continue;
            }

            if (utcDateTime.Depth == depth + 1)
            {
                parent = utcDateTime.LocalName;
            }
            else if (utcDateTime.Depth == depth + 2)
            {
                var name = $"{parent}.{utcDateTime.LocalName}";
                fields.TryAdd(name, ElementContent(utcDateTime));
            }
        }

        return fields;
    }

    /// <summary>The text of the element just started, read up to its end tag; a field holds text only, as in <c>ReadElementContentAsString</c>.</summary>
    private static string ElementContent(SoapXmlScanner element)
    {
        var depth = element.Depth;
        var name = element.LocalName;
        var text = string.Empty;
        while (element.Read())
        {
            switch (element.Kind)
            {
                case SoapXmlScanner.Node.Text:
                    text += element.Text;
                    break;
                case SoapXmlScanner.Node.EndElement when element.Depth == depth:
                    return text;
                default:
                    throw new FormatException($"an element inside <{name}>, which holds text only");
            }
        }

        return text;
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
