using System.Globalization;
using System.Security;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>The SOAP 1.2 answers of the simulated ONVIF device service, shaped like a real camera's.</summary>
internal static class OnvifSoap
{
    private const string Open =
        """<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:ter="http://www.onvif.org/ver10/error"><SOAP-ENV:Body>""";

    private const string Close = "</SOAP-ENV:Body></SOAP-ENV:Envelope>";

    public static string DateAndTime(DateTimeOffset utc)
    {
        var u = utc.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{Open}<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time><tt:Hour>{u.Hour}</tt:Hour><tt:Minute>{u.Minute}</tt:Minute><tt:Second>{u.Second}</tt:Second></tt:Time><tt:Date><tt:Year>{u.Year}</tt:Year><tt:Month>{u.Month}</tt:Month><tt:Day>{u.Day}</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>{Close}");
    }

    public static string Fault(string subcode, string reason) =>
        $"{Open}<SOAP-ENV:Fault><SOAP-ENV:Code><SOAP-ENV:Value>SOAP-ENV:Sender</SOAP-ENV:Value><SOAP-ENV:Subcode><SOAP-ENV:Value>{subcode}</SOAP-ENV:Value></SOAP-ENV:Subcode></SOAP-ENV:Code><SOAP-ENV:Reason><SOAP-ENV:Text xml:lang=\"en\">{SecurityElement.Escape(reason)}</SOAP-ENV:Text></SOAP-ENV:Reason></SOAP-ENV:Fault>{Close}";
}
