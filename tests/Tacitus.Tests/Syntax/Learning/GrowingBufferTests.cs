using Tacitus.Syntax.Learning;
using Xunit;

namespace Tacitus.Tests.Syntax.Learning;

public sealed class GrowingBufferTests
{
    [Theory]
    [InlineData(1, new[] { 3 })]
    [InlineData(2, new[] { 1, 1, 1, 5 })]
    [InlineData(16, new[] { 4, 0, 40 })]
    public void Append_PastItsRoom_KeepsEveryItemInOrder(int room, int[] appends)
    {
        using var buffer = new GrowingBuffer<int>(room);
        var next = 0;
        foreach (var count in appends)
        {
            var span = buffer.Append(count);
            for (var i = 0; i < count; i++)
            {
                span[i] = next++;
            }
        }

        var table = buffer.ToTable();
        Assert.Equal(next, table.Length);
        Assert.Equal(Enumerable.Range(0, next), table.Span.ToArray());
    }

    [Fact]
    public void Append_AfterDispose_Refused()
    {
        var buffer = new GrowingBuffer<long>(4);
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.Append(1));
    }
}
