using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Reads the device's UTC clock from an ONVIF <c>GetSystemDateAndTimeResponse</c>
/// (<c>tt:UTCDateTime/tt:Date</c> and <c>tt:Time</c>), or says why it cannot: a SOAP fault, no
/// UTC time, fields out of range, or not XML at all. Pure; DTDs are refused so a hostile device
/// cannot make the gateway expand entities.
/// </summary>
internal static class OnvifDateTimeParser
{
    private static readonly XNamespace Schema = "http://www.onvif.org/ver10/schema";
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 256 * 1024,
    };

    public static bool TryParse(string xml, out DateTimeOffset utc, out string error)
    {
        utc = default;
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            error = $"not XML: {ex.Message}";
            return false;
        }

        var fault = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Fault");
        if (fault is not null)
        {
            var reason = fault.Descendants().FirstOrDefault(e => e.Name.LocalName == "Text")?.Value ?? fault.Value;
            error = $"SOAP fault: {reason.Trim()}";
            return false;
        }

        var time = document.Descendants(Schema + "UTCDateTime").FirstOrDefault();
        if (time is null)
        {
            error = "the answer holds no tt:UTCDateTime";
            return false;
        }

        int? Field(string parent, string name) =>
            int.TryParse(time.Element(Schema + parent)?.Element(Schema + name)?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

        if (Field("Date", "Year") is not { } year || Field("Date", "Month") is not { } month || Field("Date", "Day") is not { } day
            || Field("Time", "Hour") is not { } hour || Field("Time", "Minute") is not { } minute || Field("Time", "Second") is not { } second)
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
