namespace AfterSales.Protocol.Tests.Panels;

/// <summary>
/// Seeded random inputs for the decoders: pure noise of length 0..64 and single/multi-byte mutations
/// of valid frames (which get past the cheap checks and exercise the deep parsing paths).
/// </summary>
internal static class PanelFuzz
{
    public const int Iterations = 1_000_000;

    public static int Run(IReadOnlyList<byte[]> validFrames, Action<byte[]> decode, int seed, int iterations = Iterations)
    {
        var random = new Random(seed);
        var buffer = new byte[256];
        var runs = 0;
        for (var i = 0; i < iterations; i++)
        {
            byte[] input;
            if ((i & 1) == 0 || validFrames.Count == 0)
            {
                input = new byte[random.Next(0, 65)];
                // Half the noise is drawn from the protocol's own alphabet so it reaches past the first check.
                if ((i & 2) == 0)
                {
                    random.NextBytes(input);
                }
                else
                {
                    var alphabet = validFrames.Count == 0 ? buffer : validFrames[random.Next(validFrames.Count)];
                    for (var j = 0; j < input.Length; j++)
                    {
                        input[j] = alphabet.Length == 0 ? (byte)0 : alphabet[random.Next(alphabet.Length)];
                    }
                }
            }
            else
            {
                var frame = validFrames[random.Next(validFrames.Count)];
                input = Mutate(frame, random);
            }

            decode(input);
            runs++;
        }

        return runs;
    }

    private static byte[] Mutate(byte[] frame, Random random)
    {
        var bytes = new List<byte>(frame);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(4))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 2:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveRange(random.Next(bytes.Count), 1);
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
