using Tacitus.Bench;

namespace Tacitus.Tests.Bench;

public sealed class ProcessSampleTests
{
    [Fact]
    public void Since_LaterSample_JitTimeAndMethodsAreTheDifference()
    {
        var before = new ProcessSample(TimeSpan.FromSeconds(1), 100, TimeSpan.Zero, 0, 0, null, TimeSpan.FromMilliseconds(400), 900);
        var after = new ProcessSample(TimeSpan.FromSeconds(3), 500, TimeSpan.Zero, 2, 0, null, TimeSpan.FromMilliseconds(650), 1250);

        var used = after.Since(before);

        Assert.Equal(TimeSpan.FromMilliseconds(250), used.Jit);
        Assert.Equal(350, used.JitMethods);
        Assert.Equal(TimeSpan.FromSeconds(2), used.Processor);
    }

    [Fact]
    public void Take_AfterCompilingANewMethod_CountsIt()
    {
        var before = ProcessSample.Take();
        // a lambda the process has not run: the runtime compiles it on its first call
        var value = new Func<int, int>(x => (x * 31) + 7)(Environment.ProcessorCount);

        var used = ProcessSample.Take().Since(before);

        Assert.True(value > 0);
        Assert.True(used.JitMethods >= 1);
    }
}
