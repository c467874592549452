
async function loadGitHubClient(options){let{createGitHubClient}=await import("./octokit-factory-5W625XZT.js");return createGitHubClient(options)}export{loadGitHubClient};
