namespace Dala.Web.Tests.Ndt7;

public static class Wait
{
    public static async Task Until(Func<bool> condition, double seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"condition not met in {seconds} s");
            await Task.Delay(10);
        }
    }
}
