using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Simulation.Devices;

namespace AfterSales.Gateway.Tests.Cameras;

public sealed class OnvifDateTimeParserTests
{
    // Shaped like a common camera's answer: other prefixes, a local time that must be ignored, whitespace in values.
    private const string CameraAnswer = """
        <?xml version="1.0" encoding="UTF-8"?>
        <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema">
          <env:Body><tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>
            <tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>
            <tt:TimeZone><tt:TZ>CST-8:00:00</tt:TZ></tt:TimeZone>
            <tt:UTCDateTime><tt:Time><tt:Hour> 23 </tt:Hour><tt:Minute>59</tt:Minute><tt:Second>58</tt:Second></tt:Time>
              <tt:Date><tt:Year>2025</tt:Year><tt:Month>12</tt:Month><tt:Day>31</tt:Day></tt:Date></tt:UTCDateTime>
            <tt:LocalDateTime><tt:Time><tt:Hour>7</tt:Hour><tt:Minute>59</tt:Minute><tt:Second>58</tt:Second></tt:Time>
              <tt:Date><tt:Year>2026</tt:Year><tt:Month>1</tt:Month><tt:Day>1</tt:Day></tt:Date></tt:LocalDateTime>
          </tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse></env:Body></env:Envelope>
        """;

    [Fact]
    public void TryParse_CameraAnswer_ReadsUtcNotLocalTime()
    {
        Assert.True(OnvifDateTimeParser.TryParse(CameraAnswer, out var utc, out var error), error);

        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 59, 58, TimeSpan.Zero), utc);
    }

    [Fact]
    public void TryParse_SimulatorAnswer_RoundTrips()
    {
        var at = new DateTimeOffset(2026, 2, 28, 6, 5, 4, TimeSpan.Zero);

        Assert.True(OnvifDateTimeParser.TryParse(OnvifSoap.DateAndTime(at), out var utc, out _));
        Assert.Equal(at, utc);
    }

    [Theory]
    [InlineData("<<<not xml", "not XML")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>""", "not XML")]
    [InlineData("""<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>""", "no tt:UTCDateTime")]
    public void TryParse_Unusable_SaysWhy(string xml, string reason)
    {
        Assert.False(OnvifDateTimeParser.TryParse(xml, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SoapFault_ReportsItsReason()
    {
        Assert.False(OnvifDateTimeParser.TryParse(OnvifSoap.Fault("ter:NotAuthorized", "Sender not authorized"), out _, out var error));

        Assert.Equal("SOAP fault: Sender not authorized", error);
    }

    [Theory]
    [InlineData("<tt:Month>13</tt:Month>", "not a valid date")]
    [InlineData("<tt:Month></tt:Month>", "lacks a Year")]
    [InlineData("<tt:Month>-1</tt:Month>", "lacks a Year")]
    public void TryParse_BadFields_SaysWhy(string month, string reason)
    {
        var xml = CameraAnswer.Replace("<tt:Month>12</tt:Month>", month, StringComparison.Ordinal);

        Assert.False(OnvifDateTimeParser.TryParse(xml, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
