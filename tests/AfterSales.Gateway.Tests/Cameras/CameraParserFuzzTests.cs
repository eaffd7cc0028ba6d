using System.Text;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Simulation.Devices;

namespace AfterSales.Gateway.Tests.Cameras;

/// <summary>Whatever a broken or hostile device sends, the parsers answer with a verdict, never an exception.</summary>
public sealed class CameraParserFuzzTests
{
    private static readonly byte[] ValidRtsp = Encoding.ASCII.GetBytes("RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: 27\r\n\r\nv=0\r\nm=video 0 RTP/AVP 96\r\n");

    private static readonly byte[] ValidChunkedHttp =
        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\n<s:Envelope>0123456789</s:\r\n9\r\nEnvelope>\r\n0\r\n\r\n");

    [Fact]
    public void RtspParser_200000MutatedAndRandomAnswers_NeverThrows()
    {
        var random = new Random(20260301);
        var outcomes = new int[3];
        for (var i = 0; i < 200_000; i++)
        {
            var input = i % 2 == 0 ? Mutate(ValidRtsp, random) : RandomBytes(random, random.Next(0, 200));
            outcomes[(int)DeviceResponseParser.Rtsp.TryParse(input, closed: i % 3 == 0, out _, out _)]++;
        }

        // The mutations must reach every verdict, or the fuzzing proves little.
        Assert.All(outcomes, count => Assert.True(count > 100));
    }

    [Fact]
    public void HttpParser_200000MutatedAndRandomChunkedAnswers_NeverThrows()
    {
        var random = new Random(20260303);
        var outcomes = new int[3];
        for (var i = 0; i < 200_000; i++)
        {
            var input = i % 2 == 0 ? Mutate(ValidChunkedHttp, random) : RandomBytes(random, random.Next(0, 200));
            outcomes[(int)DeviceResponseParser.Http.TryParse(input, closed: i % 3 == 0, out _, out _)]++;
        }

        Assert.All(outcomes, count => Assert.True(count > 100));
    }

    [Theory]
    [InlineData("7fffffff")]
    [InlineData("7FFFFFFF;ext=1")]
    [InlineData("ffffffff")]
    [InlineData("80000000")]
    [InlineData("fffffff")]
    [InlineData("10001")]
    public void HttpParser_HugeChunkSizeAfterAFirstChunk_InvalidNotAnException(string sizeLine)
    {
        // The overflow needed a chunk already decoded: decoded.Count + int.MaxValue wrapped below the body limit.
        var answer = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n{sizeLine}\r\nxyz");

        var outcome = DeviceResponseParser.Http.TryParse(answer, closed: false, out _, out var error);

        Assert.Equal(DeviceResponseParser.Outcome.Invalid, outcome);
        Assert.NotNull(error);
    }

    [Fact]
    public void HttpParser_200000RandomHostileChunkHeaders_NeverThrowsAndNeverAcceptsMoreThanTheBodyLimit()
    {
        var random = new Random(20261130);
        var outcomes = new int[3];
        for (var i = 0; i < 200_000; i++)
        {
            var answer = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (var chunks = random.Next(1, 5); chunks > 0; chunks--)
            {
                var size = HostileSize(random);
                answer.Append(size).Append(random.Next(4) == 0 ? ";x=y" : string.Empty).Append("\r\n");
                var length = int.TryParse(size, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var n) && n is > 0 and < 512 ? n : random.Next(0, 16);
                answer.Append('a', length).Append(random.Next(8) == 0 ? "\n" : "\r\n");
            }

            if (random.Next(2) == 0)
            {
                answer.Append("0\r\n\r\n");
            }

            var outcome = DeviceResponseParser.Http.TryParse(Encoding.ASCII.GetBytes(answer.ToString()), closed: i % 3 == 0, out var response, out _);
            outcomes[(int)outcome]++;
            if (outcome == DeviceResponseParser.Outcome.Complete)
            {
                Assert.True(response!.Body.Length <= DeviceResponseParser.MaxBodyBytes);
            }
        }

        Assert.All(outcomes, count => Assert.True(count > 100));
    }

    private static string HostileSize(Random random) => random.Next(8) switch
    {
        0 => "7fffffff",
        1 => "ffffffff",
        2 => random.Next().ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        3 => ((uint)random.Next() | 0x80000000u).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
        4 => new string('f', random.Next(1, 12)),
        5 => "-1",
        6 => (DeviceResponseParser.MaxBodyBytes - random.Next(0, 3)).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
        _ => random.Next(1, 64).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void OnvifParser_20000MutatedAnswers_NeverThrows()
    {
        var random = new Random(20260302);
        var valid = Encoding.UTF8.GetBytes(OnvifSoap.DateAndTime(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)));
        var parsed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            parsed += OnvifDateTimeParser.TryParse(Encoding.UTF8.GetString(Mutate(valid, random)), out _, out var error) ? 1 : 0;
            Assert.NotNull(error);
        }

        Assert.InRange(parsed, 1, 19_999);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)"\r\n:<>/ 0123456789"[random.Next(17)]); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
