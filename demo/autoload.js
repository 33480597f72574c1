// Content added after the page loaded, as a CMS widget or a single-page app would add it.
document.querySelector('#add-feed').addEventListener('click', () => {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = 'Recognition';
  const feed = document.createElement('peer-kudos-feed');
  feed.setAttribute('page-size', '5');
  section.append(heading, feed);
  document.querySelector('#later').append(section);
});
