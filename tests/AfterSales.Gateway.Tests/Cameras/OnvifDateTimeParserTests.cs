using System.Text;
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

    private const string Inserted = "\r\n:<>/&;'\"= 0123456789#x";

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

    [Theory]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month>1&#50;</tt:Month>")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month><![CDATA[12]]></tt:Month>")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month><!-- set by NTP -->12</tt:Month>")]
    [InlineData("<tt:Month>12</tt:Month>", "<x:Month xmlns:x='http://www.onvif.org/ver10/schema' >12</x:Month >")]
    [InlineData("<tt:UTCDateTime>", "<UTCDateTime xmlns=\"http://www.onvif.org/ver10/schema\" a=\"&lt;&amp;&quot;\">")]
    public void TryParse_OtherSpellingsOfTheSameAnswer_ReadTheSameTime(string part, string spelled)
    {
        var xml = CameraAnswer.Replace(part, spelled, StringComparison.Ordinal);
        if (spelled.StartsWith("<UTCDateTime", StringComparison.Ordinal))
        {
            xml = xml.Replace("</tt:UTCDateTime>", "</UTCDateTime>", StringComparison.Ordinal);
        }

        Assert.True(OnvifDateTimeParser.TryParse(xml, out var utc, out var error), error);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 59, 58, TimeSpan.Zero), utc);
    }

    [Theory]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month>12</tt:Mnth>", "</tt:Mnth> closes <tt:Month>")]
    [InlineData("<tt:Month>12</tt:Month>", "<zz:Month>12</zz:Month>", "the prefix 'zz' of <zz:Month> is not declared")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month>&nbsp;12</tt:Month>", "the reference '&nbsp;'")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month>\u000112</tt:Month>", "the character U+0001")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month><tt:X>12</tt:X></tt:Month>", "holds text only")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month a=1>12</tt:Month>", "the value of a is not quoted")]
    [InlineData("<tt:Month>12</tt:Month>", "<tt:Month a='1' a='2'>12</tt:Month>", "the attribute a twice")]
    public void TryParse_MalformedXml_IsNotXml(string part, string broken, string reason)
    {
        var xml = CameraAnswer.Replace(part, broken, StringComparison.Ordinal);

        Assert.False(OnvifDateTimeParser.TryParse(xml, out _, out var error));
        Assert.StartsWith("not XML: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<a/><b/>")]
    [InlineData("<a></a>trailing")]
    [InlineData("<a><b></a>")]
    [InlineData("<a")]
    [InlineData("<?xml version='1.0'")]
    [InlineData("<a><!-- open")]
    public void TryParse_NoWellFormedDocument_IsNotXml(string xml)
    {
        Assert.False(OnvifDateTimeParser.TryParse(xml, out _, out var error));
        Assert.StartsWith("not XML: ", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The gateway reads SOAP with its own scanner instead of System.Xml (for the board's memory); on 20 000 mutations of
    /// real answers it reads the same time, or refuses, exactly where the XmlReader-based parser did.
    /// </summary>
    [Fact]
    public void TryParse_MutatedAnswers_AgreesWithXmlReader()
    {
        var random = new Random(20261201);
        string[] answers = [CameraAnswer, OnvifSoap.DateAndTime(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)), OnvifSoap.Fault("ter:NotAuthorized", "Sender & co <not> authorized")];
        var accepted = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(answers[i % answers.Length]).ToList();
            for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes.Insert(at, (byte)Inserted[random.Next(Inserted.Length)]); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }

            var xml = Encoding.UTF8.GetString([.. bytes]);
            var ours = OnvifDateTimeParser.TryParse(xml, out var ourTime, out var ourError);
            var reference = XmlReaderOnvifReference.TryParse(xml, out var referenceTime, out var referenceError);

            if (ours != reference || ourTime != referenceTime
                || referenceError.StartsWith("not XML", StringComparison.Ordinal) != ourError.StartsWith("not XML", StringComparison.Ordinal))
            {
                disagreements.Add($"ours: {ourError} | XmlReader: {referenceError} | answer: {xml}");
            }

            accepted += ours ? 1 : 0;
        }

        Assert.Empty(disagreements.Take(8));

        Assert.InRange(accepted, 1000, 19_000);
    }
}
