
async function loadGitHubClient(options){let{createGitHubClient}=await import("./octokit-factory-4S45ANLF.js");return createGitHubClient(options)}export{loadGitHubClient};
