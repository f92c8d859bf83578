console.log("back office");
