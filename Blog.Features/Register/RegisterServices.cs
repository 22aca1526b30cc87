using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Register;

internal sealed class RegisterServices : IFeatureServices
{
    // Read once at start-up; the validator checks every new password against it.
    public void AddTo(IServiceCollection services) => services.AddSingleton<CommonPasswords>();
}
